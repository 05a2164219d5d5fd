region        = "eu-west-1"
instance_type = "t3.small"
replicas      = 3
tags = {
  team = "platform"
  cost = "shared"
}
zones = ["a", "b", "c"]
