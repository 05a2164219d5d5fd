module "pool" {
  source = "./modules/nowhere"
}
