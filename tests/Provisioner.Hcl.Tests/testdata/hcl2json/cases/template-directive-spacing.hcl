a = "%{if x}A%{endif}%{if y}B%{endif}"
b = "%{   if   x   }spaced%{   endif   }"
c = "%{for x in l}${x}%{endfor}%{for y in m}${y}%{endfor}"
d = "before %{if c}mid%{endif} after"
