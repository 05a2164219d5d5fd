a = "%{for x in list}${x},%{endfor}"
b = "[%{ for item in items }<${item}>%{ endfor }]"
c = "%{for x in xs}%{if x > 0}${x}%{endif}%{endfor}"
