# A small cluster on the simulated cloud: variables, a data source, count and for_each, a module and outputs.

variable "environment" {
  type    = string
  default = "dev"
}

variable "zone" {
  type    = string
  default = "zone-a"
}

variable "size" {
  type    = string
  default = "small"
}

variable "worker_count" {
  type    = number
  default = 2
}

variable "admin_password" {
  type      = string
  default   = "hunter2-e2e-secret"
  sensitive = true
}

data "sim_image" "base" {
  name = "debian-12"
}

resource "sim_network" "main" {
  name = "${var.environment}-net"
  cidr = "10.42.0.0/24"
}

resource "sim_machine" "cp" {
  for_each = toset(["a", "b"])

  name       = "${var.environment}-cp-${each.key}"
  image      = data.sim_image.base.id
  size       = var.size
  zone       = var.zone
  network_id = sim_network.main.id
  labels = {
    role   = "controlplane"
    secret = var.admin_password
  }
}

module "workers" {
  source = "./modules/workers"

  name_prefix = "${var.environment}-worker"
  quantity    = var.worker_count
  network_id  = sim_network.main.id
}

output "cp_addresses" {
  value = { for k, m in sim_machine.cp : k => m.address }
}

output "worker_ids" {
  value = module.workers.ids
}

output "admin_password" {
  value     = var.admin_password
  sensitive = true
}
