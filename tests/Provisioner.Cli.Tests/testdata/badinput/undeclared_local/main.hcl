locals {
  prefix = "dev"
}

resource "sim_network" "lab" {
  name = "${local.prefx}-net"
}
