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

// Inset is a square view of part of a picture, as shares of its width and
// height: what the page shows enlarged beside an upload when the digit
// found is small in it, so that one sees what was taken (the box on the
// whole picture is then a few pixels across).
type Inset struct{ Left, Top, Width, Height float64 }

// smallInPicture is the share of the picture's shorter side under which
// the digit found, its box's longer side, is small in it: the page then
// shows it enlarged (Upload.Inset). In a picture at least elongated times
// as long as it is across (a panorama, a strip cut from a form), which the
// page shows whole in a square and so thin, a digit that fills its height
// is small on the page too: there it is the share of its longer side.
const (
	smallInPicture = 0.25
	elongated      = 4
)

// Inset is the square around the digit found, half as wide again as its
// box's longer side and twice minPart at least (so that a box dragged on
// it can be one the page takes: ChoosePart), within the picture; false
// when no digit was found or it is not small in the picture as the page
// shows it (smallInPicture).
func (u Upload) Inset() (Inset, bool) {
	if _, ok := u.Found(); !ok {
		return Inset{}, false
	}
	b := u.Picture.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	l, t, r, bt := u.inPicture(u.Info.Area())
	long := max((r-l)*w, (bt-t)*h)
	small := long < smallInPicture*min(w, h) || max(w, h) >= elongated*min(w, h) && long < smallInPicture*max(w, h)
	if long < 1 || !small {
		return Inset{}, false
	}
	side := min(max(1.5*long, 2*minPart), w, h)
	x0 := max(0, min(w-side, (l+r)/2*w-side/2))
	y0 := max(0, min(h-side, (t+bt)/2*h-side/2))
	return Inset{Left: x0 / w, Top: y0 / h, Width: side / w, Height: side / h}, true
}
