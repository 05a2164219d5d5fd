variable "name_prefix" {
  type = string
}

variable "quantity" {
  type = number
}

variable "network_id" {
  type = string
}

resource "sim_machine" "worker" {
  count = var.quantity

  name       = "${var.name_prefix}-${count.index}"
  network_id = var.network_id
  labels     = { role = "worker" }
}

output "ids" {
  value = sim_machine.worker[*].id
}
