// leading comment
a = 1 // trailing comment
// between
b = "// not a comment"
c = "# not a comment either"
//
