config = {
  server = {
    listen = {
      port = 8080
      host = "0.0.0.0"
    }
    tls = { enabled = true, cert = "/etc/cert.pem" }
  }
  clients = [
    { name = "a", weight = 1 },
    { name = "b", weight = 2 },
  ]
}
