resource "sim_machine" "web" {
  name  = "web"
  zoen  = "zone-b"
}
