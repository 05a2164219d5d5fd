variable "environment" {
  default = "dev"
}

resource "sim_network" "lab" {
  name = "${var.enviroment}-net"
}
