a = "${x}%{if y}z%{endif}"
b = "%{for x in y}%{endfor}"
c = "%{if x}%{endif}"
