sum = (
  1
  + 2
)
call = f(
  a
  ,
  b
)
tpl = "${
  a +
  b
}"
list = [
  1

  ,

  2
]
