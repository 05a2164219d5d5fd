locals {
script = <<EOT
  keep   this   ${ var.x }
	tabs stay  
EOT
indented = <<-EOT
    hello
      world
    EOT
other = 1
  inner {
  v = <<EOF
%{ if true }yes%{ endif }
EOF
  }
}
