a { b = 1 }
c "label" { d = "x" }
e {}
f "l1" "l2" { g = [1, 2, 3] }
h { i = { j = 1 } }
k {
}
