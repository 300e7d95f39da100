package digitprep

// toBorders is the opening open (w×h, of light, findInk's, over a window
// of radius r) carried on to the picture's borders where it rises towards
// them, as the paper's darkness does (dark ink on light paper, inverted)
// where a vignette or a lamp's light falls off towards the edges. The
// opening follows such a background towards a border only to r from it:
// nearer, every window is cut by the border and its minimum is the light r
// further in, so the opening stays flat there, and the rest of the rise
// stands above it as ink: a band along the border, 29 grey levels at a
// corner of a page whose corners get 70 % of its middle's light, stronger
// than a pale pencil's digit near it, which was then not found, or found
// in one piece with the band.
//
// Within r of a border, the opening is raised to the curve through its
// values at r, 2r and 3r from the border (see curve), where it rises
// towards the border by minRise to maxRise over r and does not slow down
// (a lamp's light that levels off towards an edge, carried on, overshot
// the paper there), but never above the opening of light over half the
// window, which follows the paper nearer the border and stays under
// strokes narrower than half the window (most of a digit's, in a picture
// cropped round it). A border is carried on only if the opening rises
// towards it along at least half its length, as under a vignette, not only
// where a digit's strokes come near it. The left and right borders are
// carried on first, then the top and bottom ones, whose curves are read
// off what the first two raised, so that a corner is carried on both ways.
func toBorders(open, light []float32, w, h, r int) []float32 {
	out := append([]float32(nil), open...)
	var ceiling []float32 // made once a border is carried on
	for _, b := range bordersOf(w, h, r) {
		if b.length <= 3*r {
			continue
		}
		// The curve is read off the opening averaged along the border
		// (over r/2 lines each side), so that its noise, which the curve
		// carries on threefold, does not streak it.
		at1, at2, at3 := b.along(out, b.in, r/2), b.along(out, b.in-b.step*r, r/2), b.along(out, b.in-2*b.step*r, r/2)
		rises := func(l int) bool {
			rise := at1[l] - at2[l]
			return rise >= minRise && rise <= maxRise && at1[l]-2*at2[l]+at3[l] >= 0
		}
		rising := 0
		for l := range b.lines {
			if rises(l) {
				rising++
			}
		}
		if 2*rising < b.lines {
			continue
		}
		if ceiling == nil {
			ceiling = opening(light, w, h, max(1, r/2))
		}
		for l := range b.lines {
			if !rises(l) {
				continue
			}
			for t := 1; t <= r; t++ {
				i := b.pixel(l, b.in+b.step*t)
				out[i] = max(out[i], min(curve(at1[l], at2[l], at3[l], float32(t)/float32(r)), ceiling[i]))
			}
		}
	}
	return out
}

// curve is the value s·r beyond a towards the border, on the parabola
// through a, b and c, values r apart going in from it: the line through a
// and b, bent up by a−2b+c, by how much the rise steepens towards the
// border.
func curve(a, b, c, s float32) float32 {
	return a + (a-b)*s + (a-2*b+c)/2*s*(s+1)
}

// borderLines is one of the four borders of a w×h picture, as toBorders
// walks it: lines lines of length pixels run across it, line l's pixel p at
// pixel(l, p); in is the pixel r in from the border along each line, and
// step the way to it (−1 or 1).
type borderLines struct {
	lines, length, next, stride, in, step int
}

// bordersOf is a w×h picture's left, right, top and bottom borders, their
// pixel r in from the border named.
func bordersOf(w, h, r int) [4]borderLines {
	return [4]borderLines{
		{lines: h, length: w, next: w, stride: 1, in: r, step: -1},
		{lines: h, length: w, next: w, stride: 1, in: w - 1 - r, step: 1},
		{lines: w, length: h, next: 1, stride: w, in: r, step: -1},
		{lines: w, length: h, next: 1, stride: w, in: h - 1 - r, step: 1},
	}
}

// pixel is the index in the picture of line l's pixel p.
func (b borderLines) pixel(l, p int) int { return l*b.next + p*b.stride }

// along is the mean of g at pixel p of each line, over the lines within
// half of it.
func (b borderLines) along(g []float32, p, half int) []float32 {
	sum := make([]float64, b.lines+1)
	for l := range b.lines {
		sum[l+1] = sum[l] + float64(g[b.pixel(l, p)])
	}
	mean := make([]float32, b.lines)
	for l := range mean {
		lo, hi := max(0, l-half), min(b.lines, l+half+1)
		mean[l] = float32((sum[hi] - sum[lo]) / float64(hi-lo))
	}
	return mean
}

// minRise and maxRise are the least and the most rise of the opening
// towards a border, over the window's radius, that toBorders carries on:
// less is the paper's noise; more, the edge of a shadow or a desk rather
// than the light's fall-off (the bound that smoothing keeps to, maxLift).
const (
	minRise = 2.0 / 255
	maxRise = maxLift
)

// minCarried is the longer side, in pixels, of the least picture (as
// preparation works on it: shrunk to MaxWork, or inside a frame) whose
// background toBorders carries on to its borders. A smaller picture is
// most often cropped round its digit, whose strokes then come near every
// border: carried on from a curve read over them, the background took
// parts of them (without this bound, in a first version whose ceiling was
// an opening over a quarter of the window, 5 of 3,000 generated uploads
// lost their digit, pictures 56 to 135 pixels wide).
const minCarried = 256
