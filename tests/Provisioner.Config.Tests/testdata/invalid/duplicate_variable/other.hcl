variable "a" { # ERROR: Duplicate variable declaration
  default = 1
}
