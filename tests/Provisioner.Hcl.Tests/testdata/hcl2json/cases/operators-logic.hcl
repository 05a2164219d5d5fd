and  = a && b
or   = a || b
not  = !a
all  = a && b || c && !d
lits = true && false
