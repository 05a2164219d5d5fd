a = 1 // comment
/* block at end */