# A fleet of identical machines on the simulated cloud, for the crash-recovery and concurrency tests.

variable "machines" {
  type    = number
  default = 3
}

variable "latency_ms" {
  type    = number
  default = 0
}

variable "consistency_delay_ms" {
  type    = number
  default = 0
}

provider "sim" {
  latency_ms           = var.latency_ms
  consistency_delay_ms = var.consistency_delay_ms
}

resource "sim_machine" "m" {
  count = var.machines

  name = "m-${count.index}"
}
