variable "zone" {
  type    = string
  default = "zone-a"
}

resource "sim_machine" "db" {
  name = "db"
  zone = var.zone

  lifecycle {
    prevent_destroy = true
  }
}
