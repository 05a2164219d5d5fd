a = [for x in list : x if x != ""]
b = { for k, v in map : k => v if v.enabled }
c = [for i, x in list : x if i % 2 == 0]
