a = list.0
b = list.0.name
c = aws_instance.web.1.id
d = list.10
