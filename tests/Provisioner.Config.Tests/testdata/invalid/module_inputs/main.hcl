module "m" { # ERROR: Missing required argument
  source = "./m"
  nmae   = "x" # ERROR: Unsupported argument
}
