pairs = [for a in as : [for b in bs : "${a}-${b}"]]
grid  = { for x in xs : x => { for y in ys : y => x * y } }
flat  = flatten([for k, v in m : [for i in v : { key = k, item = i }]])
