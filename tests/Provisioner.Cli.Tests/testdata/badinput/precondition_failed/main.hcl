variable "size" {
  type    = string
  default = "nano"
}

resource "sim_machine" "web" {
  name = "web"
  size = var.size

  lifecycle {
    precondition {
      condition     = var.size != "nano"
      error_message = "Web machines need more than a nano."
    }
  }
}
