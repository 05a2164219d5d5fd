resource "sim_machine" "web" {
  name       = "web"
  network_id = module.net.id
}
