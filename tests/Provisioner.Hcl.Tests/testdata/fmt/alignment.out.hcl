a      = 1
bungle = 2
c      = "three"

# a comment on its own line ends a group
x           = 1
longer_name = 2
# and starts none
y  = 3
zz = 4
