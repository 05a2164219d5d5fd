locals {
  count_text = "three"
}

resource "sim_network" "lab" {
  name = "lab"
  cidr = local.count_text * 2
}
