locals {
  a = local.b # ERROR: Dependency cycle
  b = "${local.c}-x"
  c = upper(local.a)
  d = local.a
}
