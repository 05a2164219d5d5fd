output "o" { # ERROR: Missing required argument
  description = "nothing"
}
