resource "sim_machine" "a" {
  dynamic "disk" {
    for_each = ["a", "b"]
    content {
      size = disk.value
    }
  }
  label = disk.value # ERROR: Reference to undeclared resource
}
