resource "sim_machine" "web" {
  name = "web"

variable "x" {
  default = 1
}
