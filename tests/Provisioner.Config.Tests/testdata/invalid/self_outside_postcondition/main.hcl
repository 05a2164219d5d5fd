resource "sim_machine" "web" {
  name = self.id # ERROR: Invalid "self" reference

  lifecycle {
    postcondition {
      condition     = self.id != ""
      error_message = "must have an id"
    }
  }
}
