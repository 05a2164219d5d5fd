resource "sim_machine" "a" {
  for_each = each.value # ERROR: Reference to "each" in context without for_each
}

resource "sim_machine" "b" {
  count = count.index # ERROR: Reference to "count" in non-counted context

  lifecycle {
    precondition {
      condition     = self.id != "" # ERROR: Invalid "self" reference
      error_message = "x"
    }
  }
}

resource "sim_machine" "c" {
  for_each = toset(["x"])
  name     = each.name # ERROR: Invalid "each" attribute
  index    = count.index # ERROR: Reference to "count" in non-counted context
}

module "m" {
  source = "./m"
  count  = 2
  input  = "${count.index}-${each.key}" # ERROR: Reference to "each" in context without for_each
}
