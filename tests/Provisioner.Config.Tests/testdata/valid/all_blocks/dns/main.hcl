variable "zone" {
  type = string
}

variable "suffix" {
  type    = string
  default = ""
}

resource "sim_record" "r" {
  name = "${var.zone}${var.suffix}"
}

output "fqdn" {
  value = sim_record.r.name
}
