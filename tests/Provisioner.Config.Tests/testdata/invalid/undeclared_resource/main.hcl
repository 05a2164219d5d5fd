resource "sim_machine" "web" {
  name = "web"
}

resource "sim_machine" "db" {
  peer = sim_machine.wbe.id # ERROR: Reference to undeclared resource
}
