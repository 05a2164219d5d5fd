commas   = { a = 1, b = 2, c = 3 }
trailing = { a = 1, b = 2, }
lines = {
  a = 1
  b = 2
}
mixed = {
  a = 1, b = 2
  c = 3,
}
empty  = {}
empty2 = {
}
