resource "sim_machine" "web" {
  count    = 2
  for_each = toset(["a"])
  name     = "web"
}
