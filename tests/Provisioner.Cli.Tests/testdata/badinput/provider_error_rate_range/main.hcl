provider "sim" {
  transient_error_rate = 1.5
}

resource "sim_network" "lab" {
  name = "lab"
}
