variable "region" {
  type = string
}

locals {
  where = var.regoin # ERROR: Reference to undeclared input variable
}
