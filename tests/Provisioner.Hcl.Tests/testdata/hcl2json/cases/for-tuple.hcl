a = [for x in list : x]
b = [for i, x in list : "${i}=${x}"]
c = [for x in list : upper(x)]
d = [for x in [1, 2, 3] : x * 2]
e = [
  for s in var.subnets :
  s.id
]
