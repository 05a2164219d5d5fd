variable "name" {
  type = string
}

module "node" {
  source = "../node"
  count  = 3
  index  = count.index
  prefix = var.name
}

output "endpoint" {
  value = module.node[0].address
}
