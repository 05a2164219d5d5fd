a = 1e3
b = 1E3
c = 1e+3
d = 1e-3
e = 2.5e10
f = 2.5E-10
g = 0e0
h = 1.0e+0
