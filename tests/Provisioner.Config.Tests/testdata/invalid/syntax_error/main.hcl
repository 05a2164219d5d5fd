variable "a" {
  default = "x"
}

resource "sim_machine" "web" {
  name = "web" "extra" # ERROR: Missing newline after argument
}
