resource "sim_machine" "a" { # ERROR: Dependency cycle
  peer = sim_machine.b.id
}

resource "sim_machine" "b" {
  peer = local.x
}

locals {
  x = sim_machine.a.id
}
