resource "sim_machine" "web" {
  for_each = "web"
  name     = each.key
}
