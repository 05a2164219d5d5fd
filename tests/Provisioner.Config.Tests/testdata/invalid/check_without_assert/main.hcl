check "empty" { # ERROR: Zero assert blocks
}
