a = <<EOT
line one
line two
EOT

b = <<-EOT
    indented ${x}
      more
    EOT
