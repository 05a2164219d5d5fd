resource "sim_network" "lab" {
  name = "lab
}
