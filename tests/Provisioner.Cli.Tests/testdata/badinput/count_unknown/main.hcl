resource "sim_machine" "first" {
  name = "first"
}

resource "sim_machine" "more" {
  count = length(sim_machine.first.address)
  name  = "more-${count.index}"
}
