a = <<-EOT
    #!/bin/bash
    %{ for s in keys(var.subnets) ~}
    echo ${s}
    %{ endfor ~}
  EOT

b = <<EOT
%{ if x ~}
yes
%{~ endif }
EOT

c = <<-EOT
    start
    ${~ x ~}
    end
  EOT
