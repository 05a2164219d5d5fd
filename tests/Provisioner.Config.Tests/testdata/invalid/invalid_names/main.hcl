variable "1st" { # ERROR: Invalid variable name
}

variable "count" { # ERROR: Invalid variable name
}

resource "sim_machine" "web.1" { # ERROR: Invalid resource name
}

output "a b" { # ERROR: Invalid output name
  value = 1
}
