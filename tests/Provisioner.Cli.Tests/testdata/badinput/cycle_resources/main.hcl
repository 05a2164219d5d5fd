resource "sim_network" "a" {
  name = sim_machine.b.name
}

resource "sim_machine" "b" {
  name       = "b"
  network_id = sim_network.a.id
}
