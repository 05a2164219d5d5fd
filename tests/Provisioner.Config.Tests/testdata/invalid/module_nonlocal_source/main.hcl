module "vpc" {
  source = "registry.example.com/net/vpc" # ERROR: Unsupported module source
}
