output "address" {
  value = "10.0.0.1"
}
