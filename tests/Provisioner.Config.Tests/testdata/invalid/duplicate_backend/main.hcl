provisioner {
  backend "local" {
  }
}

provisioner {
  backend "etcd" { # ERROR: Duplicate backend configuration
  }
}
