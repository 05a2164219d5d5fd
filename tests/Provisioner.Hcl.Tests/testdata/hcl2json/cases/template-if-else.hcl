a = "%{if enabled}on%{else}off%{endif}"
b = "%{ if x > 1 }many%{ else }few%{ endif }"
c = "%{if a}%{if b}ab%{else}a%{endif}%{else}none%{endif}"
