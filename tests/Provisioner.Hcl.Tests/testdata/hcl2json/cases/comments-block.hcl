/* leading block comment */
a = /* before value */ 1
b = 2 /* after value */
/*
 * multi-line
 * block comment
 */
c = 3
d /* between name and equals */ = 4
e = "/* not a comment */"
