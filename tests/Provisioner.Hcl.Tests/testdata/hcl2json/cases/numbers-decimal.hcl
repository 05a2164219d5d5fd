half    = 0.5
pi      = 3.14159265358979323846
tenth   = 0.1
trailing_zero = 12.50
point_zero    = 1.0
tiny    = 0.000000000000000001
