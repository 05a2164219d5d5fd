a = list.*.id
b = list.*.a.b
c = var.instances.*
d = aws_instance.web.*.private_ip
