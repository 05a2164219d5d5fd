provider "sim" {
  count    = 2 # ERROR: Reserved argument name in provider block
  endpoint = "x"

  lifecycle { # ERROR: Reserved block type name in provider block
  }
}

provider "sim" {
  alias = "bad alias" # ERROR: Invalid provider configuration alias
}
