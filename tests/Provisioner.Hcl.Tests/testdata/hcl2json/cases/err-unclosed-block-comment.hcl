a = 1 /* unclosed comment
b = 2
