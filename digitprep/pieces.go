package digitprep

import (
	"image"
	"math"
)

// piece is a connected piece of ink that digitMask finds.
type piece struct {
	mass float64
	box  image.Rectangle
	edge [4]int // pixels on the image's left, top, right and bottom edges
	// along says which of those edges it runs along (bandShare of them or
	// more); pixels, and near, those of them within a quarter of the
	// image's shorter side of such an edge
	along        [4]bool
	pixels, near int
	rim          int // sides of its pixels that face others within the image
	// cover is the share of its convex hull that the piece fills. It is
	// measured on the detection map (blurred, grown down to its low
	// threshold), where a small digit's holes are filled too: a digit, a 1
	// most of all, may fill its hull there (see blob).
	cover float64
}

// fills says that a piece that touches two edges of the image that meet
// (corner) fills its convex hull, more than filledCoverage of it, as the
// desk at a corner of a page turned on it does, cut by the page's edge and
// the picture's.
func (c piece) fills() bool { return c.corner() && c.cover > filledCoverage }

// thick is the width of the piece's strokes: twice its area over its rim,
// as strokeWidth measures it, but with the sides on the image's edge left
// out of the rim (a thumb cut by the edge is as thick as it looks).
func (c piece) thick() float64 { return 2 * float64(c.pixels) / float64(max(1, c.rim)) }

// long is the longer side of the piece's box.
func (c piece) long() int { return max(c.box.Dx(), c.box.Dy()) }

// strokes says whether the piece is of strokes: strokesLong times as long
// as they are wide (thick) or more.
func (c piece) strokes() bool { return float64(c.long()) >= strokesLong*c.thick() }

// strokesLong is how many times its strokes' width (piece.thick) a piece
// of strokes is long at least: a dot is twice its own.
const strokesLong = 4

// hugsEdge says whether the piece lies on an edge of the image for most
// of its length (hugShare of its box's longer side or more): a wedge of
// lighting along the edge, that the second look over a band's strongest
// ink found as strokes, was taken for a 1 (a review's 2,300 generated
// photos, 2026-12-07: 59 of the 71 blank pages that the second look,
// strokes alone, gave a digit in, against 2 of the 70 digits it found).
func (c piece) hugsEdge() bool {
	for _, n := range c.edge {
		if float64(n) >= hugShare*float64(c.long()) {
			return true
		}
	}
	return false
}

// hugShare is the share of its longer side along which a piece that lies
// on an edge touches it.
const hugShare = 0.9

// clear says whether the piece is clear of the edges of a w×h image.
func (c piece) clear(w, h int) bool {
	return c.box.Min.X > 0 && c.box.Min.Y > 0 && c.box.Max.X < w && c.box.Max.Y < h
}

// corner says whether the piece touches two edges of the image that meet.
func (c piece) corner() bool {
	for e := range c.edge {
		if c.edge[e] > 0 && c.edge[(e+1)%4] > 0 {
			return true
		}
	}
	return false
}

// boxy says whether the piece fills nearly all of its box and is at least
// as wide as it is high: a button or a label of a screenshot, a sticker, a
// square blot, not a digit's strokes (a 1 drawn as a bar is taller than
// wide).
func (c piece) boxy() bool {
	return c.box.Dx() >= c.box.Dy() && float64(c.pixels) >= boxyShare*float64(c.box.Dx()*c.box.Dy())
}

// boxyShare is the share of its box a boxy piece fills, at the detection
// blur (a digit's strokes fill at most about three quarters).
const boxyShare = 0.9

// hulls measures how much of its convex hull each piece (labelled by
// label in a w×h image) fills (piece.cover): the hull of each row's
// leftmost and rightmost pixels, worked out in one pass over the rows.
func hulls(pieces []piece, label []int32, w, h int) {
	first, last := make([]int, len(pieces)), make([]int, len(pieces))
	for n := range first {
		first[n] = -1
	}
	pts := make([][][2]int, len(pieces))
	var seen []int32
	for y := range h {
		seen = seen[:0]
		for x, n := range label[y*w : (y+1)*w] {
			if n == 0 {
				continue
			}
			if first[n] < 0 {
				first[n] = x
				seen = append(seen, n)
			}
			last[n] = x
		}
		for _, n := range seen {
			pts[n] = rowCorners(pts[n], first[n], last[n], y)
			first[n] = -1
		}
	}
	for n := range pieces {
		if area := hullArea(pts[n]); area > 0 {
			pieces[n].cover = float64(pieces[n].pixels) / area
		}
	}
}

// digitSized says whether the piece's longer side is leastHidden to
// mostHidden of the w×h picture's shorter side, as a digit hidden in a
// band of lighting is. Pieces outside those bounds that the second look
// over a band's strongest ink found were the lighting's: a speck of it, or
// the band down a whole side (5 of the 12 blank pages left of the 71
// above, none of the 70 digits).
func digitSized(c piece, w, h int) bool {
	long, side := float64(c.long()), float64(min(w, h))
	return long >= leastHidden*side && long <= mostHidden*side
}

// The least and the most share of a picture's shorter side that a digit
// hidden in a band of lighting spans (digitSized).
const (
	leastHidden = 0.1
	mostHidden  = 0.75
)

// hiddenDigit says whether piece c, which the second look over the
// strongest ink of a w×h photo's bands found (digitMask), passes for a
// digit that a band hid: of strokes, where the band's strongest part, a
// vignette's corner, is a blob; not lying on an edge, as the band's wedges
// do (hugsEdge); of a digit's size (digitSized). A small digit's strokes,
// blurred, are too wide to pass: those are still left out.
func hiddenDigit(c piece, w, h int) bool {
	return c.strokes() && !c.hugsEdge() && digitSized(c, w, h)
}

// blob says whether piece b is something beside the digit that piece d,
// long enough to be a digit, is: a button or a label of a screenshot, a
// sticker (b is boxy, d not); a pen lying beside it (penBeside); or a
// thumb or a finger holding the paper, or a shadow, coming in from the
// image's edge, beside d clear of the edges and of strokes at least
// thinner times thinner (a thumb is about as wide as a digit is high);
// or, filling its hull at a corner of the image (piece.fills), the desk
// at a corner of a page turned on it, beside d at least wedgeWider times
// thinner. For a piece that fills its hull, thick measures how broad it
// is, not a stroke: a digit at the picture's corner that fills its hull
// at the detection's blur (a 1, most often) is as broad as a wedge, and is
// left out beside a mark or a second digit; any piece at the picture's
// edge that fills its hull, taken for a wedge, lost far more digits at an
// edge (docs/preparation.md has the counts).
func blob(b, d piece, w, h int) bool {
	if max(d.box.Dx(), d.box.Dy()) < 2*minDigit {
		return false
	}
	if b.boxy() && !d.boxy() || b.penBeside(d, w, h) {
		return true
	}
	if b.clear(w, h) || !d.clear(w, h) {
		return false
	}
	return d.thick()*thinner <= b.thick() || b.fills() && d.thick()*wedgeWider <= b.thick()
}

// penBeside says whether piece b is a pen or a pencil lying beside the
// digit d of a w×h picture, which was written with it: a straight bar,
// far longer than the digit and slender, broader than its strokes,
// beside a digit that is no dot and spans a share of the picture. Each
// bound keeps a bold 1 from being left out beside a mark (a tick, a dash,
// a minus, a dot), which is then read instead of it; the bar's length is
// its box's diagonal, so that a pen lying at a slant measures its length.
func (b piece) penBeside(d piece, w, h int) bool {
	length := math.Hypot(float64(b.box.Dx()), float64(b.box.Dy()))
	bar := b.cover >= barCoverage
	longer := length >= penLonger*float64(d.long())
	slender := length >= penSlender*b.thick()
	broad := b.thick() >= penWider*d.thick()
	noDot := float64(d.long()) >= dotLong*d.thick()
	seen := float64(d.long()) >= penDigitShare*float64(min(w, h))
	return bar && longer && slender && broad && noDot && seen
}

// barCoverage is the share of its convex hull that a pen's piece fills at
// least: a straight bar fills about all of it (pens beside digits, at the
// detection's blur: 0.91 to 0.98), a digit's strokes less, except a 1's.
const barCoverage = 0.9

// penLonger is how many times longer than the digit a straight bar must be
// to be a pen lying beside it: a pen (about 140 mm) is 5 to 14 times as
// long as a digit written on paper (10 to 25 mm high); TestMarkedDigit's
// short stroke beside a 1 is 2.6 to 2.8 times shorter than the 1 at the
// detection's blur. A pen cut short by the picture's edge is not told
// from a 1, and is still taken for the digit or with it.
const penLonger = 4

// penSlender is how many times as long as it is thick (piece.thick) a pen
// must be, and a bold 1 is not. The detection's blur widens both: pens
// beside digits measured 6.5 to 19, bold 1s that a first version left out
// beside a mark a fifth of their length 5.3 to 8.8 (docs/preparation.md).
// The stubbier pens are given up for the 1s. A 1 drawn with a fine pen
// across much of the picture is as slender as a pen: penWider keeps it.
const penSlender = 9

// dotLong is how many times as long as its strokes are wide (piece.thick)
// the digit beside a pen is at least: a dot's is 2. It is not strokesLong
// (4): a digit at the detection's blur measures 3.3 and up.
const dotLong = 3

// penDigitShare is the least share of the picture's shorter side that the
// digit beside a pen spans: a digit photographed with the pen beside it
// spans more (TestPenBesideTheDigit's: 0.14 to 0.23), a mark beside a bold
// 1 that fills the picture less (TestMarkedDigit's stroke: 0.09).
const penDigitShare = 0.1

// penWider is how many times as thick (piece.thick) as the digit's strokes
// a pen is at least. A pen is 8 to 10 mm wide, many times a pen's stroke,
// but the detection's blur widens thin strokes most; a 1 written as one
// straight stroke with a fine pen is as slender as a pen, and a mark
// beside it, written with the same pen, as thick as it. Of a helper's
// 4,500 hand-written digits, such 1s most, beside marks, other writing,
// in chalk, on ruled paper, the pen no thinner than the digit's strokes
// lost 229 read right before (the mark read instead), 1.3 times as thick
// 53, 1.6 times 1 (docs/preparation.md).
const penWider = 1.6

// wedgeWider is how many times broader than the digit's strokes (both
// piece.thick) the desk at a corner of a turned page must be to be left
// out (TestPageTurnedOnADesk measures the wedges' breadth).
const wedgeWider = 1.5
