variable "replicas" {
  default = 1
}
