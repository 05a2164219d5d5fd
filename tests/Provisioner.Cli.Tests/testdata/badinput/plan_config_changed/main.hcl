resource "sim_machine" "web" {
  name = "web"
  size = "small"
}
