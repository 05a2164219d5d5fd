provider "sim" {
  inventory_dir = ".sim"
  latency_ms    = -5
}

resource "sim_network" "lab" {
  name = "lab"
}
