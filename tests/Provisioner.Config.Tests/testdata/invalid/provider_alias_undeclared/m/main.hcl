resource "sim_machine" "ok" {
  provider = sim.inner
}

resource "sim_machine" "bad" {
  provider = sim.outer # ERROR: Reference to undeclared provider configuration
}
