a = "${"\n"}"
b = "x${join("\t", list)}y"
c = "${"quote \" inside"}"
d = "${"$${literal}"}"
