resource "sim_network" "lab" {
  name = "lab"
}

module "pool" {
  source = "./modules/pool"
  count  = length(sim_network.lab.id)
}
