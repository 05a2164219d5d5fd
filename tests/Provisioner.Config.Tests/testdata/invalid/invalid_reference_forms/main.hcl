resource "sim_machine" "a" {
}

output "a" {
  value = sim_machine # ERROR: Invalid reference
}

output "b" {
  value = path.nowhere # ERROR: Invalid "path" attribute
}

output "c" {
  value = var # ERROR: Invalid reference
}
