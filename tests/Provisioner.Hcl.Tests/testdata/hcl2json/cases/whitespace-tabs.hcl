block {
	indented = "with tabs"
	list = [
		1,
		2,
	]
}
	a = "tab before name"
