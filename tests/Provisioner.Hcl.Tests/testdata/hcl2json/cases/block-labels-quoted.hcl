resource "aws_instance" "web" {
  ami = "ami-123"
}

resource "aws_instance" "db" {
  ami = "ami-456"
}

data "aws_ami" "with spaces and \"quotes\"" {
  most_recent = true
}
