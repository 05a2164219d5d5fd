resource "sim_machine" "a" {
  lifecycle {
    ignore_changes = "tags" # ERROR: Invalid expression
  }
}
