output "doubled" {
  value = local.doubled
}
