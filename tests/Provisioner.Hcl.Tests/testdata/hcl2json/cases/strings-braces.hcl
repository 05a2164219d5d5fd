a = "a}b{c"
b = "}"
c = "${"}"}"
d = <<EOT
}{ ${"}"}
EOT
