# Shapes seen in real Terraform configurations.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
    random = {
      source = "hashicorp/random"
    }
  }
}

variable "region" {
}

module "vpc" {
  source = "./vpc"
  cidr   = "10.0.0.0/16"
}

provider "aws" {
}

locals {
  value = (var.a == null ? 1 :
    var.b == null ? 2 :
  3)
  names = [for s in var.subnets : upper(s.name) if s.public]
}
