p1 = 1 + 2 * 3
p2 = (1 + 2) * 3
p3 = a || b && c
p4 = a == b && c != d
p5 = 1 + 2 > 3 - 4
p6 = !a == b
p7 = -a * b
p8 = a ? b : c ? d : e
p9 = a || b ? c : d
p10 = 1 - 2 - 3
p11 = x.y[0] + z.w
