locals {
  name = "a"
}

output "o" {
  value = local.nmae # ERROR: Reference to undeclared local value
}
