for    = 1
in     = 2
if     = 3
endif  = 4
else   = 5
endfor = 6
true_x = 7
null_resource "r" {}
true {
  false = null
}
