module "net" {
  source = "./net"
}

module "net" { # ERROR: Duplicate module call
  source = "./net"
}
