config = <<-EOT
  [main]
  %{~ if var.debug ~}
  log_level = debug
  %{~ else ~}
  log_level = info
  %{~ endif ~}
  %{ for k, v in var.settings ~}
  ${k} = ${v}
  %{ endfor ~}
  done
  EOT
