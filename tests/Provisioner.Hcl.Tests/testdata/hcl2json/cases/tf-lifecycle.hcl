resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  count         = var.enabled ? 1 : 0

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
    ignore_changes        = [tags["LastSeen"], ami]
    replace_triggered_by  = [aws_security_group.sg.id]

    precondition {
      condition     = data.aws_ami.ubuntu.architecture == "x86_64"
      error_message = "The AMI must be x86_64."
    }
  }

  provisioner "local-exec" {
    command    = "echo ${self.private_ip}"
    on_failure = continue
  }

  depends_on = [aws_security_group.sg, module.vpc]
}
