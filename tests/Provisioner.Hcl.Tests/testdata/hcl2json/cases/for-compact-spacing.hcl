a = [for x in y: x]
b = {for k,v in m:k=>v}
