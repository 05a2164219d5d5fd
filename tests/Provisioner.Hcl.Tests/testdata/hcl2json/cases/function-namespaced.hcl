a = provider::aws::arn_parse(var.arn)
b = provider::terraform::encode_tfvars({ a = 1 })
c = core::upper("x")
d = provider::aws::arn_parse(var.arn).account_id
