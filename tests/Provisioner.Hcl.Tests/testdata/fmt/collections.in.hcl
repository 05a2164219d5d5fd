list = [
"a",
      "b",
]
call = foo(
1,
2
)
nested = {
inner = [
1,
]
key = "v"
other_key = [1, 2]
}
cond = (
a
? b
: c
)
objs = [
{
name = "x"
},
{ name = "y" },
]
