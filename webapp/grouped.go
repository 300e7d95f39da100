package webapp

import "strconv"

// Grouped is n with its digits in groups of three, as the page writes
// counts: 46,561 parameters reads at a glance, 46561 does not.
func Grouped(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
