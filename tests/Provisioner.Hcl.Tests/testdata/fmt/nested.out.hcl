resource "aws_instance" "web" {
  ami           = "abc"
  instance_type = "t2.micro"
  tags = {
    Name        = "web"
    Environment = "prod"
  }
  count = 2
  lifecycle {
    create_before_destroy = true
  }
}
