resource "sim_machine" "web" {
  name = ["web", "db"]
}
