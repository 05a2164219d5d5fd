module "m" {
  source = "./m"
  count  = 2
}

module "single" {
  source = "./m"
}

output "a" {
  value = module.m[0].addres # ERROR: Unsupported attribute
}

output "b" {
  value = module.single.nothing # ERROR: Unsupported attribute
}

output "c" {
  value = [module.m[1].address, module.single.address, module.m]
}
