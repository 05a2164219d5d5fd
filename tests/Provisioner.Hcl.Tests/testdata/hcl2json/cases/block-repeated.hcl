resource "a" "x" {
  n = 1
}

resource "a" "y" {
  n = 2
}

resource "b" "x" {
  n = 3
}

resource "a" "x" {
  n = 4
}

setting {
  v = 1
}

setting {
  v = 2
}
