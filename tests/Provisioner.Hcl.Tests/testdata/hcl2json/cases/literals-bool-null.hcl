t  = true
f  = false
n  = null
tt = [true, false, null]
o  = { a = true, b = false, c = null }
