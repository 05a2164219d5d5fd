variable "size" {
  type = string
}

resource "sim_machine" "worker" {
  name = "worker"
  size = var.size
}
