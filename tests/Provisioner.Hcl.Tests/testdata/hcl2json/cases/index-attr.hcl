a = list[0]
b = map["key"]
c = obj.attr.nested
d = list[var.idx]
e = matrix[1][2]
f = res.a[0].b["c"].d
g = map[local.key].value
h = [1, 2, 3][0]
i = { a = 1 }["a"]
j = f(x)[0].y
