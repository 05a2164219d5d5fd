provider "sim" {
  alias = "east"
}

resource "sim_machine" "a" {
  provider = sim["east"] # ERROR: Invalid provider configuration reference
}

resource "sim_machine" "b" {
  provider = "sim.east" # ERROR: Invalid expression
}
