a = <<-EOT
    first
${x} starts a line
    last
  EOT
b = <<-EOT
    ${x}
      y
    EOT
