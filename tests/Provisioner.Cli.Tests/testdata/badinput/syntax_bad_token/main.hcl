resource "sim_network" "lab" {
  name = "lab"
  cidr = 10.0.0.0/16
}
