block {
	name	=	"x"
	longer = 2
	inner {
		v = 1
	}
}
