/*
 * A module in one file: every common Terraform construct at least once.
 */
terraform {
  required_version = ">= 1.6"
}

variable "instances" {
  type = map(object({
    size    = string
    zone    = optional(string)
    volumes = optional(list(number), [])
  }))
  default = {
    web = { size = "small", volumes = [10, 20] }
    db  = { size = "large", zone = "b" }
  }
}

locals {
  sizes = { small = "t3.small", large = "m5.large" }
  # flatten instance/volume pairs
  volumes = flatten([
    for name, inst in var.instances : [
      for i, gb in inst.volumes : {
        key  = "${name}-${i}"
        name = name
        gb   = gb
      }
    ]
  ])
  by_zone = { for name, inst in var.instances : coalesce(inst.zone, "a") => name... }
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["self"]
  filter {
    name   = "name"
    values = ["base-*"]
  }
}

resource "aws_instance" "this" {
  for_each      = var.instances
  ami           = data.aws_ami.base.id
  instance_type = lookup(local.sizes, each.value.size, "t3.micro")
  tags          = { Name = each.key, Zone = each.value.zone != null ? each.value.zone : "a" }

  dynamic "ebs_block_device" {
    for_each = { for v in local.volumes : v.key => v if v.name == each.key }
    content {
      device_name = "/dev/sd${substr("fghijklmnop", index(keys(local.volumes), ebs_block_device.key), 1)}"
      volume_size = ebs_block_device.value.gb
    }
  }

  lifecycle {
    ignore_changes = [tags["LastSeen"]]
    postcondition {
      condition     = self.instance_state == "running"
      error_message = "Instance ${self.id} is not running."
    }
  }
}

resource "aws_ebs_volume" "extra" {
  count             = length(local.volumes) > 2 ? 1 : 0
  availability_zone = "us-east-1${element(keys(local.by_zone), 0)}"
  size              = sum([for v in local.volumes : v.gb]) * 2
}

output "ids" {
  value = { for k, inst in aws_instance.this : k => inst.id }
}

output "first_volume" {
  value = try(aws_ebs_volume.extra[0].id, null)
}

output "all_private_ips" {
  value     = values(aws_instance.this)[*].private_ip
  sensitive = false
}
