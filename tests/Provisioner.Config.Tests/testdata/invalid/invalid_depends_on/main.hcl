resource "sim_machine" "a" {
}

resource "sim_machine" "b" {
  depends_on = [
    sim_machine.a.id, # ERROR: Invalid depends_on reference
    sim_machine.c, # ERROR: Reference to undeclared resource
  ]
}
