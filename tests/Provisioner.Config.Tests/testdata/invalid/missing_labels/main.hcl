resource "sim_machine" { # ERROR: Missing name for resource
}

variable { # ERROR: Missing name for variable
}
