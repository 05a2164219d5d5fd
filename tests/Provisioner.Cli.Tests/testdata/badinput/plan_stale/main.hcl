variable "size" {
  type    = string
  default = "small"
}

resource "sim_machine" "web" {
  name = "web"
  size = var.size
}
