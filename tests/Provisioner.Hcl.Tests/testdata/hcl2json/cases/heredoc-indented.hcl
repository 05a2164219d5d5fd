block {
  flush = <<-EOT
    four spaces
      six spaces
    four again
    EOT

  mixed = <<-EOT
      deeper first
    shallower
  EOT

  blank_lines = <<-EOT
    a

    b
  EOT
}
