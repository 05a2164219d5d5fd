resource "sim_machine" "web" {
  lifecycle {
    create_before_destroy = true
    prevent_destroi       = true # ERROR: Unsupported argument
  }
}

data "sim_image" "base" {
  lifecycle {
    create_before_destroy = true # ERROR: Unsupported argument
  }
}
