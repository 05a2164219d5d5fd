user_data = <<EOT
#!/bin/bash
echo "${var.greeting}, ${upper(var.name)}"
%{if var.debug}set -x%{endif}
%{for s in var.services}
systemctl start ${s}
%{endfor}
EOT

indented = <<-EOT
  name: ${name}
  %{ if enabled }
  enabled: true
  %{ else }
  enabled: false
  %{ endif }
  EOT
