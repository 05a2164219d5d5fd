resource "sim_network" "lab" {
  name = "lab"
}

resource "sim_machine" "web" {
  for_each = toset([sim_network.lab.id])
  name     = each.key
}
