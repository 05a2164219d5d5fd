raw = <<EOT
backslash n stays: \n
quote stays: "quoted"
unicode stays: \u00e9
escaped interp: $${not_interp}
escaped directive: %%{not_directive}
lone dollar: $5 and 100%
EOT
