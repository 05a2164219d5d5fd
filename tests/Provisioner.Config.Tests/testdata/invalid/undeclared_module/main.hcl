output "o" {
  value = module.net.id # ERROR: Reference to undeclared module
}
