resource "aws_${var.x}" "b" {}
