add = 1 + 2
sub = 5 - 3
mul = 2 * 3
div = 10 / 4
mod = 10 % 3
vars = a + b - c * d / e % f
nospace = 1+2*3
