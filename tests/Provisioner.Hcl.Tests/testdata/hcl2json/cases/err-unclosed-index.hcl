a = list[0
