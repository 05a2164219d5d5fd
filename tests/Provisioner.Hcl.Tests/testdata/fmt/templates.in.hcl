a = "hello ${ name }"
b = "hello ${~ name ~}"
c = "%{ for x in list }${ x }%{ endfor }"
d = "${ { a = 1 } }"
e = "${a}${b}"
f = "  spaces   kept  "
g = "${
hello
}"
