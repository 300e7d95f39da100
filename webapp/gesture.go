package webapp

import "math"

// BoxGesture is a press of a mouse, a pen or a finger on a picture (an
// upload's, or its enlarged part), in shares of it, on its way to a box:
// dragged from one corner to the other, or a tap, which the store takes as
// a corner of a box tapped at both (Store.TapCorner). It remembers the
// picture (by its URL) it began on: a box begun on one upload is not taken
// on the next, which may have come while the button was held.
type BoxGesture struct {
	down   bool // a press not yet released
	x0, y0 float64
	url    string
	// pointer is the press's pointerId: another pointer's moves are not
	// this press's (a second finger, Other).
	pointer int
	// A finger's press (touch) may be a swipe to scroll the page (Swiping),
	// which decided says is known, and swipe that it is one. cx0, cy0 is
	// where the press was on the screen (its clientX and clientY: the
	// picture's own coordinates stop at its edges), and clientY where the
	// finger was when the page was last scrolled with it (Scroll).
	touch, decided, swipe bool
	cx0, cy0, clientY     float64
}

// minBox is the smallest box, as a share of the picture each way, that a
// gesture chooses; a smaller one is a slip.
const minBox = 0.02

// BoxBetween is the box with corners x0, y0 and x1, y1, in either order.
func BoxBetween(x0, y0, x1, y1 float64) (left, top, right, bottom float64) {
	return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
}

// tooSmall says whether a box is under minBox either way: no box.
func tooSmall(left, top, right, bottom float64) bool {
	return right-left < minBox || bottom-top < minBox
}

// TapSlop is how far, in CSS pixels, a pointer may move between its press
// and its release for them to be a tap rather than a drag: a finger moves
// a few pixels as it lifts.
const TapSlop = 8

// BoxEnd is what a press came to when the pointer was released.
type BoxEnd int

const (
	BoxTaken BoxEnd = iota // a box to take
	BoxSmall               // too small to be a box: a slip
	BoxTap                 // a tap: a corner (Store.TapCorner)
	BoxGone                // begun on a picture that another upload has replaced
	BoxSwipe               // a finger's swipe, which scrolled the page (Swiping)
)

// swipeLength is how far, in the screen's pixels, a finger goes on the
// picture before its press is known to be a box or a swipe that scrolls
// the page (the picture takes a finger's moves, to draw boxes with them, and
// a swipe up it was taken for a box too small, said so in red, and the page
// stayed): a swipe if it went up or down at least twice as far as across.
const swipeLength = 3 * TapSlop

// Start is a press of pointer (its pointerId) at x, y on the picture at
// url, by a finger if touch, at clientX, clientY on the screen (CSS
// pixels).
func (g *BoxGesture) Start(x, y float64, url string, pointer int, touch bool, clientX, clientY float64) {
	*g = BoxGesture{down: true, x0: x, y0: y, url: url, pointer: pointer, touch: touch, cx0: clientX, cy0: clientY, clientY: clientY}
}

// Other says whether pointer is not the press's: a second finger's, whose
// moves are not this press's (two fingers zoom the page).
func (g *BoxGesture) Other(pointer int) bool { return g.down && pointer != g.pointer }

// Swiping says whether the press under way, a finger now at clientX,
// clientY on the screen, is a swipe: known once it has gone swipeLength
// of the screen's pixels (scale of them to a CSS pixel: the page's zoom),
// and from then on until the finger lifts.
func (g *BoxGesture) Swiping(clientX, clientY, scale float64) bool {
	if g.down && g.touch && !g.decided {
		dx, dy := math.Abs(clientX-g.cx0)*scale, math.Abs(clientY-g.cy0)*scale
		if max(dx, dy) >= swipeLength {
			g.decided, g.swipe = true, dy >= 2*dx
		}
	}
	return g.down && g.swipe
}

// Scroll is how far to scroll the page, in CSS pixels, for a swipe now at
// clientY: as far as the finger went since the last scroll (from the press,
// the first time), the other way.
func (g *BoxGesture) Scroll(clientY float64) float64 {
	dy := g.clientY - clientY
	g.clientY = clientY
	return dy
}

// Down says whether a press is under way (the pointer not yet released).
func (g *BoxGesture) Down() bool { return g.down }

// On is the picture the press under way began on.
func (g *BoxGesture) On() string { return g.url }

// Box is the box from where the press began to x, y.
func (g *BoxGesture) Box(x, y float64) (left, top, right, bottom float64) {
	return BoxBetween(g.x0, g.y0, x, y)
}

// Cancel drops the press under way (the browser took the pointer).
func (g *BoxGesture) Cancel() { g.down = false }

// End is the release at x, y over the picture at url, which is w×h CSS
// pixels on the screen: the box from the press, and what the press came
// to. A press that moved no more than TapSlop is a tap, at x, y.
func (g *BoxGesture) End(x, y float64, url string, w, h float64) (left, top, right, bottom float64, end BoxEnd) {
	g.down = false
	left, top, right, bottom = g.Box(x, y)
	switch {
	case g.swipe:
		return left, top, right, bottom, BoxSwipe
	case g.url != url:
		return left, top, right, bottom, BoxGone
	case (right-left)*w <= TapSlop && (bottom-top)*h <= TapSlop:
		return x, y, x, y, BoxTap
	case tooSmall(left, top, right, bottom):
		return left, top, right, bottom, BoxSmall
	}
	return left, top, right, bottom, BoxTaken
}
