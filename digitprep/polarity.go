package digitprep

import (
	"fmt"
	"image"
)

// Shares of a digit's box that its ink covers: a filled region (a page, a
// sticky note) covers nearly all of it, a bold digit up to about three
// quarters, an ordinary one less than half. findDigit keeps the ink on the
// border's other side unless it covers more than filledCoverage, and takes
// the other side's only if it covers at most strokeCoverage, so that the
// counters of a bold digit (the holes of its 0 or 8, filled regions too)
// are not taken for it.
const (
	filledCoverage = 0.85
	strokeCoverage = 0.6
)

// minOtherLevel is the least contrast, in grey levels, of ink found on the
// border's side when nothing was found on the other.
const minOtherLevel = 0.1

// findDigit finds the digit in g (w×h, grey levels as given, not inverted
// yet) and says whether it is dark ink on light (inverted: the ink is
// then 1 - g). It takes the ink to be the side that the image's border is
// not, as paper fills the border of most pictures; but a page or a sticky
// note photographed on a darker desk has the desk at its border, and the
// paper is then found as the "ink". So when what it finds that way is not
// like a digit (see likeADigit) and the other side gives one that is, of
// a contrast at least half the first's (not the faint rims that a wide
// stroke leaves in the background's estimate), it takes the other side.
func findDigit(g []float32, w, h int) (ink, bool, error) {
	inverted := median(border(g, w, h)) > 0.5
	t, err := inkOn(g, w, h, inverted)
	if err == nil && likeADigit(t, w, h, filledCoverage) {
		return t, inverted, nil
	}
	least := float32(minOtherLevel)
	if err == nil {
		least = max(least, t.level/2)
	}
	if other, oerr := inkOn(g, w, h, !inverted); oerr == nil && other.level >= least && likeADigit(other, w, h, strokeCoverage) {
		return other, !inverted, nil
	}
	return t, inverted, err
}

// inkOn is findInk of g, inverted first if invert, refusing ink too small
// to read or that is only a dot.
func inkOn(g []float32, w, h int, invert bool) (ink, error) {
	if invert {
		inv := make([]float32, len(g))
		for i, v := range g {
			inv[i] = 1 - v
		}
		g = inv
	}
	t, err := findInk(g, w, h)
	if err != nil {
		return ink{}, err
	}
	long := max(t.box.Dx(), t.box.Dy())
	if long < minDigit {
		return ink{}, fmt.Errorf("the digit found is %d×%d pixels of the %d×%d looked at: too small to read (a closer picture would do)", t.box.Dx(), t.box.Dy(), w, h)
	}
	if float64(long) < 2.5*strokeWidth(t.v, t.w, t.box) {
		return ink{}, ErrDot
	}
	return t, nil
}

// likeADigit reports whether the ink found is like a digit rather than
// paper taken for ink: clear of the image's edges, and strokes rather than
// a filled region (covering at most coverage of its box).
func likeADigit(t ink, w, h int, coverage float64) bool {
	b := t.box.Add(t.origin)
	if !b.Inset(1).In(image.Rect(0, 0, w, h)) || b.Inset(1).Empty() {
		return false
	}
	n := 0
	for y := t.box.Min.Y; y < t.box.Max.Y; y++ {
		for x := t.box.Min.X; x < t.box.Max.X; x++ {
			if t.v[y*t.w+x] > 0.5 {
				n++
			}
		}
	}
	return float64(n) <= coverage*float64(t.box.Dx()*t.box.Dy())
}
