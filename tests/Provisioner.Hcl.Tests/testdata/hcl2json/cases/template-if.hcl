a = "%{if enabled}on%{endif}"
b = "state: %{ if x == 1 }one%{ endif }!"
c = "%{if a}${b}%{endif}"
