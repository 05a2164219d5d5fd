variable "password" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

resource "sim_machine" "web" {
  name = "web"
}

output "login" {
  value = "admin:${var.password}"
}
