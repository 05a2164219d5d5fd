provider "sim" {
}

provider "sim" { # ERROR: Duplicate provider configuration
}

provider "sim" {
  alias = "east"
}

provider "sim" { # ERROR: Duplicate provider configuration
  alias = "east"
}
