resource "sim_machine" "web" {
  count = 2
  name  = each.key # ERROR: Reference to "each" in context without for_each
}
