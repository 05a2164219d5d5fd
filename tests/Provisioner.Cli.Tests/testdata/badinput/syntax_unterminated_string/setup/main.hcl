resource "sim_network" "lab" {
  name = "lab"
  cidr = "10.10.0.0/24"
}

resource "sim_machine" "web" {
  name       = "web"
  network_id = sim_network.lab.id
}
