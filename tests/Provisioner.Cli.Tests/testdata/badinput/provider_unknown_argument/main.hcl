provider "sim" {
  inventory_dir = ".sim"
  latency       = 5
}
