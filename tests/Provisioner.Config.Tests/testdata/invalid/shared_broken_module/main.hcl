module "one" {
  source = "./shared"
}

module "two" {
  source = "./shared"
}
