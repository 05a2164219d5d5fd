resource "sim_machine" "a" {
  count {  # ERROR: Reserved block type name in resource block
  }
}
