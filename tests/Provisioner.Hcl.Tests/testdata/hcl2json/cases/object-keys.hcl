o = {
  bare       = 1
  "quoted"   = 2
  (var.key)  = 3
  colon: 4
  "q-colon": 5
  "with space" = 6
  "${tpl}"   = 7
  (a.b)      : 8
  true       = 9
  null       = 10
  for_x      = 11
}
