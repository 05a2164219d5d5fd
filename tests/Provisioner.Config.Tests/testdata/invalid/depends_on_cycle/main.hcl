resource "sim_machine" "a" { # ERROR: Dependency cycle
  depends_on = [module.m]
}

module "m" {
  source = "./m"
  input  = sim_machine.a.id
}
