a = <<EOT
  %{~ if x ~}
  yes
  %{~ endif ~}
EOT
