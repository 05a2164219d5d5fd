resource "sim_machine" "web" {
  image = data.sim_image.base.id # ERROR: Reference to undeclared resource
}
