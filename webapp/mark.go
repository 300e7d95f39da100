package webapp

// Mark is a box the page draws on the picture as given (see
// [Upload.Found] and [Upload.Chosen]), so that a person sees which ink
// became the model's input: a smudge, a second digit or a ruled line
// taken instead of their digit shows. The picture is shown contained and
// centred in a square, as the page's tiles show it; Left, Top, Width and
// Height are percent of that square.
type Mark struct {
	Left, Top, Width, Height float64
}

// shownSize is the size a w×h picture is shown at, as shares of its
// square: its longer side fills it.
func shownSize(w, h int) (sw, sh float64) {
	if w > h {
		return 1, float64(h) / float64(w)
	}
	return float64(w) / float64(h), 1
}

// shown is the box between left and right, top and bottom (shares of a
// w×h picture) as the picture is shown: its longer side filling the
// square, centred.
func shown(w, h int, left, top, right, bottom float64) Mark {
	sw, sh := shownSize(w, h)
	x0, y0 := (1-sw)/2, (1-sh)/2
	return Mark{
		Left:   100 * (x0 + left*sw),
		Top:    100 * (y0 + top*sh),
		Width:  100 * (right - left) * sw,
		Height: 100 * (bottom - top) * sh,
	}
}

// unshown is the point at x, y (shares of the square a w×h picture is
// shown in) as shares of the picture's width and height, clamped to the
// picture: where a pointer on the square is on the picture.
func unshown(w, h int, x, y float64) (float64, float64) {
	sw, sh := shownSize(w, h)
	clamp := func(v float64) float64 { return max(0, min(1, v)) }
	return clamp((x - (1-sw)/2) / sw), clamp((y - (1-sh)/2) / sh)
}
