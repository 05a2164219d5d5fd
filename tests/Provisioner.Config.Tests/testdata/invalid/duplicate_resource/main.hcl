resource "sim_machine" "web" {
}

resource "sim_machine" "web" { # ERROR: Duplicate resource "sim_machine" configuration
}

resource "sim_disk" "web" {
}
