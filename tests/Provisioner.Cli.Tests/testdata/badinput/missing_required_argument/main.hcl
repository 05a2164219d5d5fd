resource "sim_network" "lab" {
  name = "lab"
}

resource "sim_machine" "web" {
  network_id = sim_network.lab.id
  size       = "small"
}
