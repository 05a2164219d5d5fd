resource "sim_machine" "web" {
}

resources "sim_machine" "db" { # ERROR: Unsupported block type
}

terraform { # ERROR: Unsupported block type
}
