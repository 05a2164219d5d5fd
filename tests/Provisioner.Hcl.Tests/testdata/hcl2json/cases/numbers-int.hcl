zero      = 0
one       = 1
answer    = 42
thousands = 1000000
leading   = 007
max32     = 2147483647
max64     = 9223372036854775807
