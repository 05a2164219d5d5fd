resource "sim_machine" "a" {
}

resource "sim_machine" "b" {
  depends_on = [
    "sim_machine.a", # ERROR: Invalid expression
  ]
}

output "o" {
  value      = 1
  depends_on = sim_machine.a # ERROR: Invalid expression
}
