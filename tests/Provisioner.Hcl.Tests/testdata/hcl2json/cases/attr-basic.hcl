name    = "provisioner"
count   = 3
enabled = true
nothing = null
ref     = var.region
