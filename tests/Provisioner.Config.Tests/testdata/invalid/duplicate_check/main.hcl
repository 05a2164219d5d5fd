check "health" {
  assert {
    condition     = true
    error_message = "x"
  }
}

check "health" { # ERROR: Duplicate check "health" configuration
  assert {
    condition     = true
    error_message = "x"
  }
}
