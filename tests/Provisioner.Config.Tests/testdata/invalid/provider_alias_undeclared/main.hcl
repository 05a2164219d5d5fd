provider "sim" {
  alias = "east"
}

resource "sim_machine" "a" {
  provider = sim.west # ERROR: Reference to undeclared provider configuration
}

resource "sim_machine" "b" {
  provider = sim.east
}

resource "sim_machine" "c" {
  provider = sim
}

module "m" {
  source = "./m"
  providers = {
    sim.inner = sim.nowhere # ERROR: Reference to undeclared provider configuration
  }
}
