module "gone" {
  source = "./does-not-exist" # ERROR: Unreadable module directory
}
