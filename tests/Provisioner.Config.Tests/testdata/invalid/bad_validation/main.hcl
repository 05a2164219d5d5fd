variable "a" {
  validation { # ERROR: Missing required argument
    condition = var.a != ""
  }

  validation {
    condition     = length(var.a) > 0
    error_message = "must not be empty"
    severity      = "warn" # ERROR: Unsupported argument
  }
}
