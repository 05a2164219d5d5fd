# Read-only access to the app's secrets
path "secret/data/app/*" {
  capabilities = ["read", "list"]
}

path "secret/metadata/app/*" {
  capabilities = ["list"]
}

path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "sys/leases/renew" {
  capabilities = ["update"]
  allowed_parameters = {
    "lease_id" = []
    "*"        = ["increment"]
  }
}
