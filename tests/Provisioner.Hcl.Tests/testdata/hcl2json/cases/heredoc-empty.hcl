empty = <<EOT
EOT

empty_flush = <<-EOT
  EOT

one_blank = <<EOT

EOT
