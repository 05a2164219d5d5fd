a = <<-EOT
		tabbed
			more
		EOT
