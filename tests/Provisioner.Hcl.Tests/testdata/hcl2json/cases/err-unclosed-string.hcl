a = "unclosed
