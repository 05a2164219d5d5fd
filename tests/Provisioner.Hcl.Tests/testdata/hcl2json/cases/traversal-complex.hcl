a = module.vpc.subnets[0].cidr_blocks["primary"][*].value
b = data.aws_iam_policy_document.doc.statement.0.actions
c = local.matrix[var.i][var.j]
d = (var.obj).field
e = [for x in var.list : x.tags["Name"]][0]
