locals {
  name_prefix = "${var.project}-${var.env}"
  common_tags = {
    Project     = var.project
    Environment = var.env
  }
  subnet_map = { for s in var.subnets : s.name => s }
  az_count   = length(data.aws_availability_zones.available.names)
  is_prod    = var.env == "prod"
}

locals {
  second = local.name_prefix
}
