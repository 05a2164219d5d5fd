variable "replicas" {
  type    = number
  default = 1
}

resource "sim_machine" "web" {
  count = var.replicas
  name  = "web-${count.index}"
}
