script = <<EOT
line one
  line two indented
line three
EOT

other = <<END
single
END
