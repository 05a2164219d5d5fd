simple  = cond ? "a" : "b"
nested  = a ? b ? 1 : 2 : 3
chained = x == 1 ? "one" : x == 2 ? "two" : "many"
paren   = (a ? b : c) + 1
multi   = (
  var.env == "prod"
  ? "m5.large"
  : "t3.micro"
)
in_tpl  = "${a ? "y" : "n"}"
