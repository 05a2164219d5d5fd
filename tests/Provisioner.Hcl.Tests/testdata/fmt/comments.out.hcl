a      = 1       # one
bungle = "bonce" # two
foo {}           # three

block {
  // leading comment is indented
  x     = 1 // short
  yyyyy = "long value" /* block comment at the end */

  /* block comment */ z = 3
}
# file-level
