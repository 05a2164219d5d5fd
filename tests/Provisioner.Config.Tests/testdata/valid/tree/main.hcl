module "cluster" {
  source = "./modules/cluster"
  name   = "prod"
}

module "cluster_copy" {
  source = "./modules/cluster"
  name   = "stage"
}

output "endpoint" {
  value = module.cluster.endpoint
}
