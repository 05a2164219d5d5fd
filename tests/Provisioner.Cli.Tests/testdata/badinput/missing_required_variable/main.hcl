variable "environment" {
  type = string
}

resource "sim_network" "lab" {
  name = "${var.environment}-net"
}
