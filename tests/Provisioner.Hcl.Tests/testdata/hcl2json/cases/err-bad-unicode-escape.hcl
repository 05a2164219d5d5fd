a = "bad \u12 short"
