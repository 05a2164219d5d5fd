provisioner {
  required_version = ">= one" # ERROR: Invalid required_version constraint
}
