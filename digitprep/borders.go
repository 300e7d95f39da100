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
// values at r, 2r and 3r from the border (a line, bent up where the rise
// steepens, as a vignette's does towards a corner), where it rises towards
// the border by minRise to maxLift over r and does not slow down (a lamp's
// light that levels off towards an edge, carried on, overshot the paper
// there), but never above the opening of light over half the window, which
// follows the paper closer to the border and stays under strokes narrower
// than half the window (a digit filling a picture cropped round it). A
// border is carried on only if the opening rises towards it along at least
// half its length, as under a vignette, not only where a digit's strokes
// come near it. Rows are carried first, then columns, so that a corner is
// carried both ways.
func toBorders(open, light []float32, w, h, r int) []float32 {
	out := append([]float32(nil), open...)
	var ceiling []float32 // made when a border is carried on
	// The curve is read off the opening averaged along the border over r
	// pixels, so that its noise, which the curve carries on threefold, does
	// not streak it: along is that average at pixel p of each of lines
	// lines (starting next apart, their pixels stride apart).
	half := max(1, r/2)
	along := func(p, stride, lines, next int) []float32 {
		sum := make([]float64, lines+1)
		for l := range lines {
			sum[l+1] = sum[l] + float64(out[l*next+p*stride])
		}
		mean := make([]float32, lines)
		for l := range mean {
			lo, hi := max(0, l-half), min(lines, l+half+1)
			mean[l] = float32((sum[hi] - sum[lo]) / float64(hi-lo))
		}
		return mean
	}
	// carry does the two borders across which the lines of n pixels run.
	// in is the position r in from the border, step the way out.
	carry := func(n, stride, lines, next int) {
		if n <= 3*r {
			return
		}
		for _, e := range [2]struct{ in, step int }{{r, -1}, {n - 1 - r, 1}} {
			a, b, c := along(e.in, stride, lines, next), along(e.in-e.step*r, stride, lines, next), along(e.in-2*e.step*r, stride, lines, next)
			rises := func(l int) bool {
				return a[l]-b[l] >= minRise && a[l]-b[l] <= maxLift && a[l]-2*b[l]+c[l] >= 0
			}
			rising := 0
			for l := range lines {
				if rises(l) {
					rising++
				}
			}
			if 2*rising < lines {
				continue
			}
			if ceiling == nil {
				ceiling = opening(light, w, h, max(1, r/2))
			}
			for l := range lines {
				if !rises(l) {
					continue
				}
				for t := 1; t <= r; t++ {
					s := float32(t) / float32(r)
					i := l*next + (e.in+e.step*t)*stride
					out[i] = max(out[i], min(a[l]+(a[l]-b[l])*s+(a[l]-2*b[l]+c[l])/2*s*(s+1), ceiling[i]))
				}
			}
		}
	}
	carry(w, 1, h, w) // the left and right borders
	carry(h, w, w, 1) // the top and bottom ones
	return out
}

// minRise is the least rise of the opening towards a border, over the
// window's radius, that toBorders carries on: less is the paper's noise.
const minRise = 2.0 / 255

// minCarried is the longer side, in pixels, of the least picture whose
// background toBorders carries on to its borders. A smaller picture is
// most often cropped round its digit, whose strokes then come near every
// border: carried on from a curve read over them, the background took
// parts of them (without this bound, in a first version whose ceiling was
// an opening over a quarter of the window, 5 of 3,000 generated uploads
// lost their digit, pictures 56 to 135 pixels wide).
const minCarried = 256
