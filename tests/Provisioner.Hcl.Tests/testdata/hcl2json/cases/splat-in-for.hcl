a = [for s in var.list[*].subnets : s[0]]
b = { for i in aws_instance.web : i.id => i.tags.*.value }
c = flatten([for r in var.rules : r.ports[*]])
