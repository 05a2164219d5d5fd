a = <<JSON
{"EOT": "not the end", "JSON ": 1}
JSONX
XJSON
JSON

b = <<-POLICY_DOC
  {
    "Version": "2012-10-17"
  }
  POLICY_DOC

c = <<EOT
EOTX
EOT
