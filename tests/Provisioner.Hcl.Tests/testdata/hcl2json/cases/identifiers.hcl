with-dash      = 1
with_under     = 2
_leading       = 3
trailing-      = 4
x1             = 5
CamelCase      = 6
a--b           = 7
ref            = some-thing.other-thing
