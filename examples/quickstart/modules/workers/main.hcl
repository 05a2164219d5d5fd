# A reusable pool of identical worker machines.

variable "name_prefix" {
  type = string
}

variable "quantity" {
  type = number
}

variable "image_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "size" {
  type    = string
  default = "small"
}

variable "labels" {
  type    = map(string)
  default = {}
}

resource "sim_machine" "worker" {
  count = var.quantity

  name       = "${var.name_prefix}-${count.index}"
  image      = var.image_id
  size       = var.size
  network_id = var.network_id
  labels     = merge(var.labels, { role = "worker" })
}

output "addresses" {
  value = sim_machine.worker[*].address
}
