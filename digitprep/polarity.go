package digitprep

import "fmt"

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
// not, as paper fills the border of most pictures; but a sticky note or a
// page photographed on a darker desk has the desk at its border, and the
// paper is then found as the "ink": a filled region (more than
// filledCoverage of its box), or nothing that passes for a digit. Then,
// if the other side gives ink that is like a digit (strokes covering at
// most strokeCoverage of its box, clear of the image's edges, of a
// contrast at least half the first's: not the faint rims a wide stroke
// leaves in the background's estimate), it takes the other side. (A note
// tilted on the desk fills less of its box and is still taken for ink.)
func findDigit(g []float32, w, h int) (ink, bool, error) {
	inverted := median(border(g, w, h)) > 0.5
	t, err := inkOn(g, w, h, inverted)
	if err == nil && coverage(t) <= filledCoverage {
		return t, inverted, nil
	}
	least := float32(minOtherLevel)
	if err == nil {
		least = max(least, t.level/2)
	}
	if other, oerr := inkOn(g, w, h, !inverted); oerr == nil && other.level >= least && coverage(other) <= strokeCoverage && !atEdge(other, w, h) {
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

// atEdge reports whether the ink found touches the edge of the w×h image.
func atEdge(t ink, w, h int) bool {
	b := t.box.Add(t.origin)
	return b.Min.X <= 0 || b.Min.Y <= 0 || b.Max.X >= w || b.Max.Y >= h
}

// coverage is the share of its box that the ink found covers (over half).
func coverage(t ink) float64 {
	n := 0
	for y := t.box.Min.Y; y < t.box.Max.Y; y++ {
		for x := t.box.Min.X; x < t.box.Max.X; x++ {
			if t.v[y*t.w+x] > 0.5 {
				n++
			}
		}
	}
	return float64(n) / float64(t.box.Dx()*t.box.Dy())
}
