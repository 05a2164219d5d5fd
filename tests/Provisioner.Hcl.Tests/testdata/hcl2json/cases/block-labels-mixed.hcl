thing bare "quoted" another "last" {
  x = 1
}

thing "unicode-é" ünïcode {
  y = 2
}

escaped "tab\there" "nl\nthere" {}
