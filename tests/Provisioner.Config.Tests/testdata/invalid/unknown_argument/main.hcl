variable "a" {
  typ = string # ERROR: Unsupported argument
}

output "o" {
  value     = 1
  sensitiv  = true # ERROR: Unsupported argument
}

provisioner {
  required_versions = ">= 1.0" # ERROR: Unsupported argument
}
