a = "%{for k, v in map}${k}=${v};%{endfor}"
b = "%{ for i, x in list ~} ${i}:${x} %{~ endfor }"
