a = f(
)
b = f(
  x...
)
