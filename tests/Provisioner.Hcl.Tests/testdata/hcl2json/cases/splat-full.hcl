a = list[*].id
b = list[*].a[0].b
c = list[*]
d = values(aws_instance.web)[*].private_ip
e = list[*].tags["Name"]
