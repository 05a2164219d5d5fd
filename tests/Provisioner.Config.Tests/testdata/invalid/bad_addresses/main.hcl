resource "sim_machine" "web" {
}

moved {
  from = sim_machine.old
  to   = module.web # ERROR: Invalid "moved" addresses
}

moved {
  from = data.sim_image.a # ERROR: Invalid "moved" address
  to   = sim_machine.web
}

moved {
  from = sim_machine # ERROR: Invalid "moved" address
  to   = sim_machine.web
}

moved {
  from = module.a[0]
  to   = module.b["x"]
}

import {
  to = module.a # ERROR: Invalid import address
  id = "x"
}

import {
  to = module.a.sim_machine.web["k"]
  id = "x"
}

removed {
  from = sim_machine.web[0] # ERROR: Resource instance keys not allowed
}

removed {
  from = data.sim_image.a # ERROR: Invalid "removed" address
}

removed {
  from = module.gone.sim_machine.x
}
