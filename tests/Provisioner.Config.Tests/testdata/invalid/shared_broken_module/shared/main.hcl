output "x" {
  value = var.missing # ERROR: Reference to undeclared input variable
}

module "remote" {
  source = "git::https://example.com/x.git" # ERROR: Unsupported module source
}
