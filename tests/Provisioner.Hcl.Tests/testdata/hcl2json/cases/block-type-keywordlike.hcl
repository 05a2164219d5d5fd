for_each {
  dynamic = 1
}
locals {}
