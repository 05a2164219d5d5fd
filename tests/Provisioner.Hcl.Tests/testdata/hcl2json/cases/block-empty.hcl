empty {}

labelled "one" {
}

two "a" "b" {}
