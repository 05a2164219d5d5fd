a { b = 1 }
c {
  d { e = 2 }
  f {
  }
  g "label" "two" {
  }
  empty {}
}
resource "aws_instance" "web" {
  nested "label" {}
}
data "x" "y" {
}
