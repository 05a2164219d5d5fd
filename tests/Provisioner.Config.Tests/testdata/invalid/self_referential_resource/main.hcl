resource "sim_machine" "a" { # ERROR: Self-referential block
  name = sim_machine.a.id
}
