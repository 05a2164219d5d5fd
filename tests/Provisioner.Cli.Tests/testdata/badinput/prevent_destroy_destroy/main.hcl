resource "sim_machine" "db" {
  name = "db"

  lifecycle {
    prevent_destroy = true
  }
}
