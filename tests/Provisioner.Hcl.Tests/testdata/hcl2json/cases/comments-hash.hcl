# leading comment
a = 1 # trailing comment
# between
b = 2
#no space
#
