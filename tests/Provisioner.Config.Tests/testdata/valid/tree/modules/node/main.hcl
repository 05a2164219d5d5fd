variable "index" {
  type = number
}

variable "prefix" {
  type = string
}

resource "sim_machine" "this" {
  name = "${var.prefix}-${var.index}"
}

output "address" {
  value = sim_machine.this.address
}
