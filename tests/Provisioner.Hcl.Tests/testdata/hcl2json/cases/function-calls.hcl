none      = timestamp()
one       = upper("x")
two       = join(",", list)
trailing  = concat(a, b,)
expand    = max(list...)
expand2   = format("%s-%s", parts...)
nested    = lower(upper(trim(x, " ")))
multiline = merge(
  local.a,
  local.b,
)
call_tpl  = upper("${x}-y")
