variable "region" {
  type        = string
  default     = "us-east-1"
  description = "AWS region"
}

variable "subnets" {
  type = map(object({
    cidr = string
    az   = optional(string, "us-east-1a")
    tags = optional(map(string), {})
  }))
  default = {}
}

variable "ports" {
  type    = list(number)
  default = [80, 443]

  validation {
    condition     = alltrue([for p in var.ports : p > 0 && p < 65536])
    error_message = "Ports must be between 1 and 65535."
  }
}

variable "secret" {
  type      = string
  sensitive = true
  nullable  = false
}

variable "anything" {
  type = any
}

variable "pair" {
  type = tuple([string, number, bool])
}
