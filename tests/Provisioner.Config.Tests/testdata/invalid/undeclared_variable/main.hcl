locals {
  a = "x-${var.nothing}" # ERROR: Reference to undeclared input variable
}
