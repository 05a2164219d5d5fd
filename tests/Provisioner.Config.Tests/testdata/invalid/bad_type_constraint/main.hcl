variable "a" {
  type = strin # ERROR: Invalid type specification
}

variable "b" {
  type = list(string, number) # ERROR: Invalid type specification
}
