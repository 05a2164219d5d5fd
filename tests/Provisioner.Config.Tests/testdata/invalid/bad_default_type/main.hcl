variable "port" {
  type    = number
  default = "eighty" # ERROR: Invalid default value for variable
}

variable "strict" {
  type     = string
  nullable = false
  default  = null # ERROR: Invalid default value for variable
}
