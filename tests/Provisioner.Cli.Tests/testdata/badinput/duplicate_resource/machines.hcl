resource "sim_machine" "db" {
  name = "db"
}

resource "sim_machine" "web" {
  name = "web-2"
}
