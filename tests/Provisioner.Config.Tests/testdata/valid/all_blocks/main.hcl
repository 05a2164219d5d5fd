variable "cluster_name" {
  type        = string
  description = "Name of the cluster"

  validation {
    condition     = length(var.cluster_name) > 2
    error_message = "The name must be longer than two characters."
  }
}

variable "nodes" {
  type = map(object({
    cpus   = optional(number, 2)
    memory = optional(string, "2Gi")
    labels = optional(map(string), {})
  }))
  default = {
    a = {}
  }
}

variable "token" {
  type      = string
  sensitive = true
  nullable  = false
  default   = "t0ken"
}

variable "anything" {}

locals {
  prefix = "${var.cluster_name}-"
  names  = [for k, v in var.nodes : "${local.prefix}${k}"]
}

provider "sim" {
  endpoint = "http://localhost"
}

provider "sim" {
  alias    = "east"
  endpoint = "http://east"
}

data "sim_image" "base" {
  name = "ubuntu"

  lifecycle {
    postcondition {
      condition     = self.id != ""
      error_message = "image must exist"
    }
  }
}

resource "sim_machine" "node" {
  for_each = var.nodes
  provider = sim.east

  name   = "${local.prefix}${each.key}"
  cpus   = each.value.cpus
  image  = data.sim_image.base.id

  dynamic "label" {
    for_each = each.value.labels
    iterator = l
    content {
      key   = l.key
      value = l.value
    }
  }

  dynamic "disk" {
    for_each = [10, 20]
    content {
      size = disk.value
    }
  }

  depends_on = [sim_network.main]

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
    ignore_changes        = [tags, labels["x"]]
    replace_triggered_by  = [sim_network.main.id]

    precondition {
      condition     = each.value.cpus > 0
      error_message = "cpus must be positive"
    }

    postcondition {
      condition     = self.name != ""
      error_message = "name must be set"
    }
  }
}

resource "sim_network" "main" {
  count = 1
  cidr  = "10.0.${count.index}.0/24"
  lifecycle {
    ignore_changes = all
  }
}

module "dns" {
  source = "./dns"
  zone   = var.cluster_name
  for_each = toset(["a"])
  suffix = each.key

  providers = {
    sim = sim.east
  }

  depends_on = [sim_network.main]
}

output "names" {
  value       = local.names
  description = "node names"
  sensitive   = false
  depends_on  = [sim_machine.node]

  precondition {
    condition     = length(local.names) > 0
    error_message = "no nodes"
  }
}

output "record" {
  value = module.dns
}

output "where" {
  value = "${path.module}/${path.root}/${provisioner.workspace}"
}

moved {
  from = sim_machine.old
  to   = sim_machine.node
}

import {
  to       = sim_network.main[0]
  id       = "net-1"
  provider = sim.east
}

removed {
  from = sim_machine.gone

  lifecycle {
    destroy = false
  }
}

check "health" {
  data "sim_status" "now" {
    machine = "x"
  }

  assert {
    condition     = data.sim_status.now.ok
    error_message = "unhealthy"
  }
}
