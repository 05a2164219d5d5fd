eq  = a == b
ne  = a != b
lt  = a < b
le  = a <= b
gt  = a > b
ge  = a >= b
str = var.env == "prod"
