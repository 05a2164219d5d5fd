include "root" {
  path = find_in_parent_folders()
}

locals {
  env_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  env      = local.env_vars.locals.environment
}

terraform {
  source = "git::git@github.com:acme/modules.git//vpc?ref=v1.2.0"

  extra_arguments "retry_lock" {
    commands  = get_terraform_commands_that_need_locking()
    arguments = ["-lock-timeout=20m"]
  }
}

dependency "network" {
  config_path = "../network"
  mock_outputs = {
    vpc_id = "vpc-mock"
  }
}

inputs = merge(
  local.env_vars.locals,
  {
    vpc_id = dependency.network.outputs.vpc_id
    name   = "app-${local.env}"
  }
)
