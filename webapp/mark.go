package webapp

// Mark is where the page draws a box on the picture as given around the
// digit that preparation found in it, so that a person sees which ink
// became the model's input (a smudge, a second digit or a ruled line
// taken instead of their digit would show). The picture is shown
// contained and centred in a square, as the page's tiles show it; Left,
// Top, Width and Height are percent of that square.
type Mark struct {
	Left, Top, Width, Height float64
}

// Mark is the box around the digit found in u, and false when there is
// nothing to mark: the whole picture was taken as the digit (an image
// already 28×28 is taken as MNIST-format).
func (u Upload) Mark() (Mark, bool) {
	left, top, right, bottom := u.Info.Area()
	if left == 0 && top == 0 && right == 1 && bottom == 1 {
		return Mark{}, false
	}
	// The picture's shown size, as shares of the square: its longer side
	// fills it.
	w, h := float64(u.Info.Width), float64(u.Info.Height)
	sw, sh := 1.0, 1.0
	if w > h {
		sh = h / w
	} else {
		sw = w / h
	}
	x0, y0 := (1-sw)/2, (1-sh)/2
	return Mark{
		Left:   100 * (x0 + left*sw),
		Top:    100 * (y0 + top*sh),
		Width:  100 * (right - left) * sw,
		Height: 100 * (bottom - top) * sh,
	}, true
}
