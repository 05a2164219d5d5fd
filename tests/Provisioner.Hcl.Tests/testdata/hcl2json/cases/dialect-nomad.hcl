job "web" {
  datacenters = ["dc1"]
  type        = "service"

  group "frontend" {
    count = 3

    network {
      port "http" {
        to = 8080
      }
    }

    task "server" {
      driver = "docker"

      config {
        image = "nginx:1.25"
        ports = ["http"]
      }

      template {
        data        = <<-EOH
          upstream backend {
          {{ range service "api" }}
            server {{ .Address }}:{{ .Port }};
          {{ end }}
          }
        EOH
        destination = "local/upstream.conf"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
