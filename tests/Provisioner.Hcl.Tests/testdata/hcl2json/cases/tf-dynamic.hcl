resource "aws_security_group" "sg" {
  name = "sg"

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.from
      to_port     = rule.value.to
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }

  dynamic "egress" {
    for_each = var.env == "prod" ? [1] : []
    content {
      from_port = 0
      to_port   = 0
      protocol  = "-1"
    }
  }
}
