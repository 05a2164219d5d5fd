resource "sim_machine" "worker" {
  name = "worker"
}
