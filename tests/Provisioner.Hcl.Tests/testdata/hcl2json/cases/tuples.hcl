empty    = []
one      = [1]
trailing = [1, 2, 3,]
lines = [
  "a",
  "b",
  "c"
]
lines_trailing = [
  "a",
  "b",
]
nested = [[1, 2], [3, [4, 5]], []]
mixed  = [1, "two", true, null, { three = 3 }, [4]]
