variable "n" {
  default = -1
}

resource "sim_machine" "web" {
  count = var.n
  name  = "web-${count.index}"
}
