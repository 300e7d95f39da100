package digitprep

import "image"

// dropMarks takes away from the ink found as the digit what a person drew
// round or under it to point it out, which the digit reader would read as
// part of it (a 3 in a box read as an 8, a circled 7 as a 0, an underlined
// 0 as a 9):
//   - a ring or a box round the digit (ringRound): what it holds is the
//     digit;
//   - a line under the digit, at least nearly as wide, and three times as
//     wide as high or more (lineUnder).
//
// The marks are found among the pieces of the ink's strokes (its pixels
// over a level, 8-connected: markLevels), where digitMask, which looks at
// the picture blurred, has often joined a mark drawn near the digit to it.
// A mark that touches the digit's strokes is one piece with it, and stays;
// a stroke inside a 0 that does not touch it (a slashed 0) is taken for a
// digit in a ring, and the 0 is read as a 1.
//
// Ink of more than maxMarkPieces pieces is left as it is: looking for a
// ring costs the square of the pieces.
func dropMarks(t ink) ink {
	for _, level := range markLevels {
		label, ps := strokePieces(t.v, t.w, t.h, level)
		// A box in a ring, a ring in a box: each pass drops one, and what
		// is outside it, or ends (without kept all).
		for len(ps) <= maxMarkPieces {
			outer, ok := ringRound(label, ps, t.w, t.h)
			if !ok {
				break
			}
			inside := ps[outer].box.Inset(1)
			t = t.without(label, func(n int32, x, y int) bool { return n == outer || !image.Pt(x, y).In(inside) })
			was := len(ps)
			if label, ps = strokePieces(t.v, t.w, t.h, level); len(ps) >= was {
				break
			}
		}
		if line, ok := lineUnder(ps); ok && len(ps) <= maxMarkPieces {
			t = t.without(label, func(n int32, _, _ int) bool { return n == line })
		}
	}
	return t
}

// maxMarkPieces is the most pieces of ink dropMarks looks among for marks.
// A digit with marks round it is a few pieces: the most of any test's
// pictures is 75 (a pencil's strokes broken up). ringRound's work grows
// with the square of the pieces, and a picture can be made of thousands
// of specks (a narrow strip of dots, which the detection's blur leaves
// apart): TestMarksOfManyPieces.
const maxMarkPieces = 256

// markLevels are the levels of ink (of the strokes' 1) over which
// dropMarks looks for marks: half first, where a mark drawn near the digit
// is apart from it, then a quarter, for a mark drawn with a finer or
// fainter pen than the digit, which is not over half once blurred.
var markLevels = [...]float32{0.5, 0.25}

// strokePiece is a connected piece of the ink's strokes (dropMarks).
type strokePiece struct {
	mass float64
	box  image.Rectangle
}

// strokePieces labels the pieces of the pixels of v (w×h) over level,
// 8-connected: label[i] is the piece of pixel i, or 0; ps[n] is piece n
// (ps[0] is none).
func strokePieces(v []float32, w, h int, level float32) ([]int32, []strokePiece) {
	label, n := components(v, w, h, level, level)
	ps := make([]strokePiece, n+1)
	for i, p := range label {
		if p != 0 {
			x, y := i%w, i/w
			ps[p].mass += float64(v[i])
			ps[p].box = ps[p].box.Union(image.Rect(x, y, x+1, y+1))
		}
	}
	return label, ps
}

// without is t with the pixels for which drop is true set to 0 (n is the
// pixel's piece, from label), and its box made again; t itself is not
// changed. All of t is kept if nothing would be left.
func (t ink) without(label []int32, drop func(n int32, x, y int) bool) ink {
	v := make([]float32, len(t.v))
	for i, s := range t.v {
		if !drop(label[i], i%t.w, i/t.w) {
			v[i] = s
		}
	}
	box := inkBox(v, t.w, t.h)
	if box.Empty() {
		return t
	}
	t.v, t.box = v, box
	return t
}

// ringRound finds a piece drawn round the digit: one whose box holds,
// within it, pieces of at least a tenth of its ink that together are a
// digit's size and at least a third of its own (the digit it was drawn
// round; a speck in a 0 is not), and whose strokes lie round their centre
// (surrounds). Of several, the heaviest. Digits hold no piece of their own
// strokes inside another: a 0 with a stroke inside it, not touching it, is
// taken for a ring round a 1.
func ringRound(label []int32, ps []strokePiece, w, h int) (int32, bool) {
	best := int32(0)
	for n := 1; n < len(ps); n++ {
		o := ps[n]
		if best != 0 && o.mass <= ps[best].mass {
			continue
		}
		inside := o.box.Inset(1)
		var held image.Rectangle
		mass := 0.0
		for m, p := range ps {
			if m != 0 && m != n && p.box.In(inside) {
				held = held.Union(p.box)
				mass += p.mass
			}
		}
		if held.Empty() || mass < o.mass/10 || max(held.Dx(), held.Dy()) < max(minDigit, max(o.box.Dx(), o.box.Dy())/3) {
			continue
		}
		c := image.Pt((held.Min.X+held.Max.X)/2, (held.Min.Y+held.Max.Y)/2)
		if surrounds(label, int32(n), w, h, c) {
			best = int32(n)
		}
	}
	return best, best != 0
}

// surrounds says whether piece n (of label, w×h) lies round point c: the
// lines from c in seven of the eight directions (across and diagonally)
// meet it, so that a ring whose ends do not quite meet, or a box, does,
// and the other pieces of a digit written in more than one stroke (a 7's
// bar, a 4's stem) do not.
func surrounds(label []int32, n int32, w, h int, c image.Point) bool {
	met := 0
	for _, d := range [8]image.Point{{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}} {
		for p := c; p.X >= 0 && p.Y >= 0 && p.X < w && p.Y < h; p = p.Add(d) {
			if label[p.Y*w+p.X] == n {
				met++
				break
			}
		}
	}
	return met >= 7
}

// lineUnder finds a line drawn under the digit: a piece at least three
// times as wide as high, wholly under all the others, which are at least
// twice as high as it, and at least four fifths as wide as they are
// together. A 2 whose foot is written apart from the rest loses it too,
// and is then read as a 7: a foot apart is rare in writing, an underline
// under a digit pointed out is not.
func lineUnder(ps []strokePiece) (int32, bool) {
	if len(ps) < 3 { // the line and something over it
		return 0, false
	}
	line := 0
	for n := 1; n < len(ps); n++ {
		b := ps[n].box
		if b.Dx() >= 3*b.Dy() && (line == 0 || ps[n].mass > ps[line].mass) {
			line = n
		}
	}
	if line == 0 {
		return 0, false
	}
	var rest image.Rectangle
	for n := 1; n < len(ps); n++ {
		if n != line {
			rest = rest.Union(ps[n].box)
		}
	}
	lb := ps[line].box
	if lb.Min.Y < rest.Max.Y || rest.Dy() < 2*lb.Dy() || 5*lb.Dx() < 4*rest.Dx() {
		return 0, false
	}
	return int32(line), true
}
