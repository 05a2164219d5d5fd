variable "names" {
  type      = set(string)
  default   = ["a", "b"]
  sensitive = true
}

resource "sim_machine" "web" {
  for_each = var.names
  name     = each.key
}
