resource "sim_network" "lab" {
  name = "lab"
}

resource "sim_loadbalancer" "front" {
  name = "front"
}
