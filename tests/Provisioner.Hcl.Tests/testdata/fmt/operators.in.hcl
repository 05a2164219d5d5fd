a=1+2*3
b = ( 1+2 )*3
c = - 1
d = ! true
e = a.b [0].c
f = foo( 1,2 , 3 )
g = [ 1, 2, 3 ]
h = {a=1,b=2}
i = a==b&&c!=d||!e
j = x?y:z
k = [for x in var.list: x*2 if x>1]
l = {for k,v in var.map:k=>v...}
m = a[*].b
n = a.*.b
o = 5 - -3
p = "${ var.a }-${var.b}"
q = provider::foo::bar(1)
r = x[ 0 ]
s = { }
t = [ ]
u = func(a ...)
v = [for x in [1, 2]: x]
w = a%b/c -d
