# Quickstart: a small cluster's machines on the simulated cloud (the `sim` provider).
# The sim provider is a simulation for tests and demos: its "cloud" is the inventory directory below.

provisioner {
  required_version = ">= 0.1.0"
}

provider "sim" {
  inventory_dir = "${path.module}/.sim-inventory"
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "worker_count" {
  type    = number
  default = 3

  validation {
    condition     = var.worker_count >= 1 && var.worker_count <= 50
    error_message = "worker_count must be between 1 and 50."
  }
}

locals {
  labels = {
    environment = var.environment
    managed_by  = "provisioner"
  }
  control_planes = toset(["cp-a", "cp-b", "cp-c"])
}

data "sim_image" "base" {
  name = "debian-12"
}

resource "sim_network" "main" {
  name = "${var.environment}-net"
  cidr = "10.42.0.0/16"
}

resource "sim_machine" "control_plane" {
  for_each = local.control_planes

  name       = "${var.environment}-${each.key}"
  image      = data.sim_image.base.id
  size       = "medium"
  network_id = sim_network.main.id
  labels     = merge(local.labels, { role = "controlplane" })
}

module "workers" {
  source = "./modules/workers"

  name_prefix = "${var.environment}-worker"
  quantity    = var.worker_count
  image_id    = data.sim_image.base.id
  network_id  = sim_network.main.id
  labels      = local.labels
}

output "control_plane_addresses" {
  value = { for name, m in sim_machine.control_plane : name => m.address }
}

output "worker_addresses" {
  value = module.workers.addresses
}
