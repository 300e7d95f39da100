package digitprep

import "image"

// digitMask marks the connected components (8-connected) of d > low that
// reach above high and make the digit: the one with the most ink, and any
// other with at least a twentieth of its ink within a quarter of its size
// of it (a broken stroke's pieces are closer; a mark beside the digit, at
// half its size, was taken with it). It returns nil when nothing is above
// high, and says whether the picture may hold more than one digit: two of
// the components it marks, each with at least a quarter of the most ink,
// side by side (neither above the other), as the digits of "42" are; or a
// component it leaves out with a quarter of the most ink or more (the
// others of "7 1 3"). Bands of lighting or desk at the border are left
// out, and so is what lies beside a digit and is not one: a thumb coming
// in from the edge, a screenshot's button, the desk at each corner of a
// turned page, a pen (blob). In a photo whose ink is all such bands, it
// looks again over secondLook of the strongest ink (top) for a digit the
// bands hid (hiddenDigit), and else returns nil.
func digitMask(d []float32, w, h int, top, high, low float32) ([]bool, bool) {
	keep, several, _, bands := maskAt(d, w, h, high, low)
	if !bands {
		return keep, several
	}
	// Only bands, in a photo: lighting at its edges, or a faint digit
	// that touches the band at an edge (a vignette's) and is one piece
	// with it. The digit stands out of the band over its strongest ink.
	if next := secondLook * top; low < next {
		if keep, several, c, bands := maskAt(d, w, h, next, next); !bands && keep != nil && hiddenDigit(c, w, h) {
			return keep, several
		}
	}
	return nil, false
}

// secondLook is the share of the strongest ink (the detection map's top)
// over which digitMask looks again for a digit in a photo whose ink is all
// bands.
const secondLook = 0.5

// maskAt is digitMask's one look at d over high and low: the pieces it
// keeps and whether they may be several digits, the main one (zero when
// none), and whether, in a photo, every piece was a band (then it keeps
// none).
func maskAt(d []float32, w, h int, high, low float32) ([]bool, bool, piece, bool) {
	label, count := components(d, w, h, high, low) // 0: not above the threshold
	comps := make([]piece, count+1)                // component n is comps[n]
	for i, n := range label {
		if n == 0 {
			continue
		}
		c := &comps[n]
		x, y := i%w, i/w
		c.mass += float64(d[i])
		c.box = c.box.Union(image.Rect(x, y, x+1, y+1))
		for e, on := range [4]bool{x == 0, y == 0, x == w-1, y == h-1} {
			if on {
				c.edge[e]++
			}
		}
	}
	if len(comps) == 1 {
		return nil, false, piece{}, false // nothing above high
	}
	// A band runs along half an edge or more and lies near the edges it
	// runs along (a desk, a shadow, lighting at the edges), unlike a
	// digit's stroke along an edge, from which the digit goes on inwards.
	for n := range comps {
		c := &comps[n]
		for e, length := range [4]int{h, w, h, w} {
			c.along[e] = float64(c.edge[e]) >= bandShare*float64(length)
		}
	}
	depth := min(w, h) / 4
	for i, n := range label {
		if n == 0 {
			continue
		}
		c := &comps[n]
		c.pixels++
		x, y := i%w, i/w
		for _, nb := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
			if nb[0] >= 0 && nb[1] >= 0 && nb[0] < w && nb[1] < h && label[nb[1]*w+nb[0]] != n {
				c.rim++
			}
		}
		if c.along[0] && x < depth || c.along[1] && y < depth || c.along[2] && x >= w-depth || c.along[3] && y >= h-depth {
			c.near++
		}
	}
	hulls(comps, label, w, h)
	// Pieces left out: bands at the border, and the heaviest piece while it
	// is a blob beside another (blobBeside).
	out := make([]bool, len(comps))
	for n, c := range comps {
		out[n] = float64(c.near) >= bandNear*float64(c.pixels)
	}
	// The digit is the heaviest piece that is not left out; when all are,
	// as when the digit touches a lighting band at the edge and is one
	// piece with it, the heaviest.
	heaviest := func(skip bool) int {
		main := 0
		for n := 1; n < len(comps); n++ {
			if !(skip && out[n]) && comps[n].mass > comps[main].mass {
				main = n
			}
		}
		return main
	}
	main := heaviest(true)
	// In turn, as a turned page has desk at each corner of the picture.
	for main != 0 && blobBeside(main, comps, out, w, h) {
		out[main] = true
		main = heaviest(true)
	}
	// A box or a ring round the digit, too far from it to be within its
	// reach (a form's box, a frame's inner line): what it holds is the
	// digit (dropMarks takes those drawn close).
	for range 2 { // a ring in a box
		inner, ok := heldBy(main, comps, label, out, w, h)
		if !ok {
			break
		}
		out[main] = true
		main = inner
	}
	someKept := main != 0 // a piece not left out was found; then those left out stay out
	if !someKept {
		if min(w, h) >= photoSide {
			return nil, false, piece{}, true // only bands, in a photo: see digitMask
		}
		main = heaviest(false)
	}
	chosen := make([]bool, len(comps))
	chosen[main] = true
	box := comps[main].box
	reach := max(box.Dx(), box.Dy()) / 4
	for n := 1; n < len(comps); n++ {
		c := comps[n]
		if n != main && !(someKept && out[n]) && c.mass >= comps[main].mass/20 && gap(c.box, comps[main].box) <= reach && !blob(c, comps[main], w, h) {
			chosen[n] = true
		}
	}
	keep := make([]bool, w*h)
	for i, n := range label {
		keep[i] = n != 0 && chosen[n]
	}
	several := false
	large := func(n int) bool { return comps[n].mass >= comps[main].mass/4 && !(someKept && out[n]) }
	for a := 1; a < len(comps); a++ {
		ca := comps[a]
		if large(a) && !chosen[a] {
			several = true
		}
		for b := a + 1; b < len(comps); b++ {
			cb := comps[b]
			if chosen[a] && chosen[b] && large(a) && large(b) && (ca.box.Max.X <= cb.box.Min.X || cb.box.Max.X <= ca.box.Min.X) {
				several = true
			}
		}
	}
	return keep, several, comps[main], false
}

// heldBy finds the piece that piece main (of the pieces of a w×h image,
// labelled by label; none left out) is drawn round: the heaviest inside its
// box with at least a twentieth of its ink and a sixth of its size (and a
// digit's), of strokes (strokesLong), whose centre main surrounds. The dot
// in a dotted 0 is no digit held by a ring.
func heldBy(main int, pieces []piece, label []int32, out []bool, w, h int) (int, bool) {
	if main == 0 {
		return 0, false
	}
	m := pieces[main]
	inside := m.box.Inset(1)
	best := 0
	for n, c := range pieces {
		if n == 0 || n == main || out[n] || !c.box.In(inside) || c.mass < m.mass/20 ||
			c.long() < max(minDigit, m.long()/6) || !c.strokes() {
			continue
		}
		if (best == 0 || c.mass > pieces[best].mass) && surrounds(label, int32(main), w, h, image.Pt((c.box.Min.X+c.box.Max.X)/2, (c.box.Min.Y+c.box.Max.Y)/2)) {
			best = n
		}
	}
	return best, best != 0
}

// blobBeside says whether piece main (of the pieces of a w×h image,
// those not left out) is not the digit but something beside it (blob),
// one with a fiftieth of its ink or more.
func blobBeside(main int, pieces []piece, out []bool, w, h int) bool {
	for n, c := range pieces {
		if n != 0 && n != main && !out[n] && c.mass >= pieces[main].mass/50 && blob(pieces[main], c, w, h) {
			return true
		}
	}
	return false
}

// bandShare is how much of one of the image's edges ink must run along
// (and lie near it, bandNear) to be a band at its border (a desk, a page's
// edge, a shadow), not the digit: digitMask takes no band as a piece of
// the digit, unless there is nothing else.
const bandShare = 0.5

// bandNear is the share of a band's pixels that lie within a quarter of
// the image's shorter side of the edges it runs along.
const bandNear = 0.8

// photoSide is the shorter side, in pixels of the image looked at, from
// which digitMask takes an image for a photo, in which ink that runs along
// its edges and nothing else is lighting (a gradient or a vignette that the
// background's estimate, cut at the edges, leaves), not a digit; in a
// smaller crop a digit that fills the frame runs along its edges.
const photoSide = 128

// gap is the distance between two rectangles along the axis that
// separates them most; 0 when they overlap.
func gap(a, b image.Rectangle) int {
	dx := max(0, max(a.Min.X-b.Max.X, b.Min.X-a.Max.X))
	dy := max(0, max(a.Min.Y-b.Max.Y, b.Min.Y-a.Max.Y))
	return max(dx, dy)
}
