a = true ? 1 : 2 ? 3 : 4
b = !a ? b : c
c = a + b ? c : d
