resource aws_instance web {
  ami = "ami-123"
}

provider aws {
  region = "us-east-1"
}
