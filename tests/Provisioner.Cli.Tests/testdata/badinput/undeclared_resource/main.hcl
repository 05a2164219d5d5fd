resource "sim_network" "lab" {
  name = "lab"
}

resource "sim_machine" "web" {
  name       = "web"
  network_id = sim_network.main.id
}
