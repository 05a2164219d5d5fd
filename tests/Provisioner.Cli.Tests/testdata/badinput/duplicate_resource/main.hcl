resource "sim_machine" "web" {
  name = "web-1"
}
