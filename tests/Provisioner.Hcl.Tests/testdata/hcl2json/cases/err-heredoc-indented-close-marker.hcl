a = <<JSON
{"EOT": "not the end", "JSON ": 1}
 JSON
JSON

b = <<-POLICY_DOC
  {
    "Version": "2012-10-17"
  }
  POLICY_DOC

c = <<EOT
EOTX
XEOT
EOT
