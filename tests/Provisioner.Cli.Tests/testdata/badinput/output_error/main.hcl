resource "sim_machine" "web" {
  name = "web"
}

output "first" {
  value = sim_machine.web[0].name
}
