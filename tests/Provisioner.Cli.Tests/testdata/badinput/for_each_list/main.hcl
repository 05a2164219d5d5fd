resource "sim_machine" "web" {
  for_each = ["a", "b"]
  name     = each.key
}
