a = { for k, v in map : k => v }
b = { for x in list : x.name => x }
c = { for k, v in map : upper(k) => v * 2 }
d = {
  for k, v in var.subnets :
  k => v.cidr
}
