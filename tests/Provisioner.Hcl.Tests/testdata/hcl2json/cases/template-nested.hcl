nested  = "outer ${"inner ${x} text"} done"
deeper  = "${"a${"b${c}"}"}"
in_call = "${format("%s-%s", "${a}", b)}"
