resource /* c1 */ "a" /* c2 */ "b" /* c3 */ {
  # inside block
  list = [
    1, # after element
    // full-line in tuple
    2, /* inline */ 3,
  ]
  obj = {
    a = 1 # after pair
    /* before pair */ b = 2
  }
  expr = 1 + /* mid */ 2
  tpl  = "${ a /* in interp */ }"
  call = f(
    x, // arg comment
    y,
  )
} # after block
