locals {
  a = local.a + 1 # ERROR: Dependency cycle
}
