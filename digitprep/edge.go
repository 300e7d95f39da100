package digitprep

// runsIntoEdge says whether the digit found (t) runs into an edge of the
// picture it was found in (w×h), so that part of it may be cut off: its
// ink meets the edge along a stretch about as wide as a stroke crossing
// it is (from 0.6 to 2.5 stroke widths: a stroke that runs along the
// edge, a 0's flat side, is longer), and no more than about 1.4 times as
// wide a few pixels in (a curve that only reaches the edge widens away
// from it). Photos that cut the digit were read with confidence (a 7 cut
// at the top as a 4 at 99 %), and nothing was said.
func runsIntoEdge(t ink, w, h int) bool {
	if t.box.Empty() {
		return false
	}
	sw := strokeWidth(t.v, t.w, t.box)
	at := func(x, y int) bool { return t.v[y*t.w+x] > 0.5 }
	// longest is the longest stretch of ink along one line of the crop,
	// from a to b (exclusive), with ink(i) for position i.
	longest := func(a, b int, ink func(i int) bool) int {
		best, run := 0, 0
		for i := a; i < b; i++ {
			if ink(i) {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
		return best
	}
	crosses := func(edge, inside int) bool {
		e := float64(edge)
		return e >= max(2, 0.6*sw) && e <= 2.5*sw && e >= 0.7*float64(inside)
	}
	const depth = 3 // pixels in from the edge
	b := t.box
	// Each edge the crop shares with the picture and the box reaches: the
	// stretch along it that the box spans, and the ink d pixels in from
	// it at position i along it.
	for _, e := range []struct {
		meets    bool
		from, to int
		ink      func(d, i int) bool
	}{
		{t.origin.Y == 0 && b.Min.Y == 0, b.Min.X, b.Max.X, func(d, x int) bool { return at(x, d) }},
		{t.origin.Y+t.h == h && b.Max.Y == t.h, b.Min.X, b.Max.X, func(d, x int) bool { return at(x, t.h-1-d) }},
		{t.origin.X == 0 && b.Min.X == 0, b.Min.Y, b.Max.Y, func(d, y int) bool { return at(d, y) }},
		{t.origin.X+t.w == w && b.Max.X == t.w, b.Min.Y, b.Max.Y, func(d, y int) bool { return at(t.w-1-d, y) }},
	} {
		if e.meets && b.Dx() > depth && b.Dy() > depth &&
			crosses(longest(e.from, e.to, func(i int) bool { return e.ink(0, i) }), longest(e.from, e.to, func(i int) bool { return e.ink(depth, i) })) {
			return true
		}
	}
	return false
}
