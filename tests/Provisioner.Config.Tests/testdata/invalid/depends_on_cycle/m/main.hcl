variable "input" {}
