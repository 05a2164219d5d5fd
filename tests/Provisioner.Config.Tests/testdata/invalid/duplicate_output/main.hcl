output "o" {
  value = 1
}

output "o" { # ERROR: Duplicate output definition
  value = 2
}
