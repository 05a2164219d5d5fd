a = <<EOT
line
