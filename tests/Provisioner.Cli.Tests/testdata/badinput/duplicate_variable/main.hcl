variable "zone" {
  default = "zone-a"
}

variable "zone" {
  default = "zone-b"
}
