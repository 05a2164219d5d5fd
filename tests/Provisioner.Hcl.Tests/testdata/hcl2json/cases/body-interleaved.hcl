a = 1
block "x" {
  inner = true
}
b = 2
block "y" {}
c = 3
other {
  nested_attr = "v"
  nested_block {}
  after_block = 1
}
