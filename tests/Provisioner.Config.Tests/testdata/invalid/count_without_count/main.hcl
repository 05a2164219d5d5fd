resource "sim_machine" "web" {
  for_each = toset(["a"])
  name     = "web-${count.index}" # ERROR: Reference to "count" in non-counted context
}

output "o" {
  value = count.index # ERROR: Reference to "count" in non-counted context
}
