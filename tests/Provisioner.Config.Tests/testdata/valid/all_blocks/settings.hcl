provisioner {
  required_version = ">= 0.1, < 2.0"

  backend "local" {
    path = "state/provisioner.state.json"
  }
}
