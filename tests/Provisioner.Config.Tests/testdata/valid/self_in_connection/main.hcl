resource "sim_machine" "a" {
  connection {
    host = self.address
  }

  provisioner "remote-exec" {
    inline = ["echo ${self.name}"]
  }
}
