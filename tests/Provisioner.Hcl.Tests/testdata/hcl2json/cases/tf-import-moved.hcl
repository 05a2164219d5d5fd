import {
  to = aws_instance.web
  id = "i-12345678"
}

moved {
  from = aws_instance.old
  to   = aws_instance.web
}

removed {
  from = aws_instance.gone
  lifecycle {
    destroy = false
  }
}

check "health" {
  assert {
    condition     = data.http.health.status_code == 200
    error_message = "${data.http.health.url} returned an unhealthy status code"
  }
}
