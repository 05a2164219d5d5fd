data "sim_image" "base" {
}

data "sim_image" "base" { # ERROR: Duplicate data "sim_image" configuration
}
