module "again" {
  source = "../a" # ERROR: Module cycle
}
