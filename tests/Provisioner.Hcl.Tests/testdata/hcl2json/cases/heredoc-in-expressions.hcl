list = [<<EOT
first
EOT
, "second"]

obj = {
  k = <<EOT
value
EOT
}

call = trimspace(<<EOT
  padded
EOT
)
