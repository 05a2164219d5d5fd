variable "worker_count" {
  type    = number
  default = 3

  validation {
    condition     = var.worker_count >= 1 && var.worker_count <= 50
    error_message = "worker_count must be between 1 and 50."
  }
}

resource "sim_machine" "worker" {
  count = var.worker_count
  name  = "worker-${count.index}"
}
