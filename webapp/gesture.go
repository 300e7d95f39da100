package webapp

// BoxGesture is a box being chosen with a mouse, a pen or a finger over a
// picture (an upload's, or its enlarged part), in shares of it: dragged
// from one corner to the other, or, for those who cannot drag (WCAG 2.2's
// 2.5.7), tapped at one corner and then at the other. It remembers the
// picture (by its URL) it began on: a box begun on one upload is not taken
// on the next, which may have come while the button was held or between
// the taps.
type BoxGesture struct {
	down   bool // a press not yet released
	x0, y0 float64
	url    string
	// The first corner tapped, waiting for the second.
	corner    bool
	cx, cy    float64
	cornerURL string
}

// MinBox is the smallest box, as a share of the picture each way, that a
// gesture chooses; a smaller one is a slip.
const MinBox = 0.02

// maxTap is the most a pointer may move, as a share of the picture, for
// its press and release to be a tap rather than a drag.
const maxTap = 0.005

// BoxEnd is what a gesture came to when the pointer was released.
type BoxEnd int

const (
	BoxTaken  BoxEnd = iota // a box to take
	BoxSmall                // too small to be a box: a slip
	BoxCorner               // a tap: the first corner, the gesture waits for the second
	BoxGone                 // begun on a picture that another upload has replaced
)

// Start is a press at x, y on the picture at url.
func (g *BoxGesture) Start(x, y float64, url string) {
	g.down, g.x0, g.y0, g.url = true, x, y, url
}

// Down says whether a press is under way (the pointer not yet released).
func (g *BoxGesture) Down() bool { return g.down }

// On is the picture the press under way began on.
func (g *BoxGesture) On() string { return g.url }

// Box is the box from where the press began to x, y.
func (g *BoxGesture) Box(x, y float64) (left, top, right, bottom float64) {
	return min(g.x0, x), min(g.y0, y), max(g.x0, x), max(g.y0, y)
}

// Corner is the first corner tapped on the picture at url, while the
// gesture waits for the second.
func (g *BoxGesture) Corner(url string) (x, y float64, ok bool) {
	return g.cx, g.cy, g.corner && g.cornerURL == url
}

// Cancel drops the press under way (the browser took the pointer) and
// the corner tapped.
func (g *BoxGesture) Cancel() { g.down, g.corner = false, false }

// End is the release at x, y over the picture at url: the box, and what
// the gesture came to. A drag's box is from the press to the release; a
// tap is the first corner, or, after one on the same picture, the box
// between the two.
func (g *BoxGesture) End(x, y float64, url string) (left, top, right, bottom float64, end BoxEnd) {
	g.down = false
	left, top, right, bottom = g.Box(x, y)
	tap := right-left <= maxTap && bottom-top <= maxTap
	cx, cy, second := g.Corner(url)
	g.corner = false
	switch {
	case g.url != url:
		return left, top, right, bottom, BoxGone
	case tap && !second:
		g.corner, g.cx, g.cy, g.cornerURL = true, x, y, url
		return x, y, x, y, BoxCorner
	case tap:
		left, top, right, bottom = min(cx, x), min(cy, y), max(cx, x), max(cy, y)
	}
	if right-left < MinBox || bottom-top < MinBox {
		return left, top, right, bottom, BoxSmall
	}
	return left, top, right, bottom, BoxTaken
}
