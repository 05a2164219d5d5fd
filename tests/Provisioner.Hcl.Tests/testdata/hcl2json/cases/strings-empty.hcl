empty       = ""
space       = " "
in_tuple    = ["", "", ""]
in_object   = { "" = "" }
heredocish  = "<<EOT"
