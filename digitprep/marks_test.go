package digitprep

import (
	"fmt"
	"image"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pen draws, on img, a line through points with a round pen of width
// wide, in grey 40.
func pen(img *image.Gray, points []image.Point, wide int) {
	r := wide / 2
	dot := func(c image.Point) {
		for y := c.Y - r; y <= c.Y+r; y++ {
			for x := c.X - r; x <= c.X+r; x++ {
				if (x-c.X)*(x-c.X)+(y-c.Y)*(y-c.Y) <= r*r && image.Pt(x, y).In(img.Rect) {
					img.Pix[img.PixOffset(x, y)] = 40
				}
			}
		}
	}
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		n := max(abs(b.X-a.X), abs(b.Y-a.Y), 1)
		for k := 0; k <= n; k++ {
			dot(image.Pt(a.X+(b.X-a.X)*k/n, a.Y+(b.Y-a.Y)*k/n))
		}
	}
}

// arc is the points of an ellipse round c with radii rx and ry, from
// angle from to angle to (radians, clockwise from the right).
func arc(c image.Point, rx, ry, from, to float64) []image.Point {
	var ps []image.Point
	for a := from; a <= to; a += 0.02 {
		ps = append(ps, image.Pt(c.X+int(rx*math.Cos(a)), c.Y+int(ry*math.Sin(a))))
	}
	return ps
}

// marked is a test digit written 200 px square in a 1000×700 photo, with
// a mark drawn by hand round it, under it or beside it, clear of its ink;
// and the part of the photo that the digit found must keep within so as
// not to have taken the mark: all of it but the mark and a margin of half
// the mark's distance from the ink (a bit of a ring where it passes close
// to the digit's corner may be taken, not its sides).
func marked(digit []float32, mark string) (img *image.Gray, within image.Rectangle) {
	const x0, y0, k = 400, 250, 200.0 / 28
	img = photoWith(nil, 1000, 700, image.Rectangle{})
	d := photoWith(digit, 200, 200, image.Rect(0, 0, 200, 200))
	for y := range 200 {
		for x := range 200 {
			o := img.PixOffset(x0+x, y0+y)
			img.Pix[o] = min(img.Pix[o], d.Pix[y*200+x]) // ink on the paper, without a white square round it
		}
	}
	b := boxOver(digit, 28, 28, 0.5)
	ink := image.Rect(x0+int(k*float64(b.Min.X)), y0+int(k*float64(b.Min.Y)), x0+int(k*float64(b.Max.X)), y0+int(k*float64(b.Max.Y)))
	w, h := float64(ink.Dx()), float64(ink.Dy())
	c := image.Pt((ink.Min.X+ink.Max.X)/2, (ink.Min.Y+ink.Max.Y)/2)
	ring := func(from, to float64) image.Rectangle {
		const apart = 20 // through the corners of a box round the ink 20 px from it
		rx, ry := math.Sqrt2*(0.5*max(w, 0.6*h)+apart), math.Sqrt2*(0.5*h+apart)
		pen(img, arc(c, rx, ry, from, to), 8)
		return image.Rect(c.X-int(rx), c.Y-int(ry), c.X+int(rx), c.Y+int(ry)).Inset(int(rx-w/2) / 2)
	}
	switch mark {
	case "a ring round it":
		return img, ring(0, 2*math.Pi)
	case "a ring round it, its ends apart":
		return img, ring(-1.2, 2*math.Pi-1.6)
	case "a box round it":
		apart := int(0.2 * h)
		r := ink.Inset(-apart)
		pen(img, []image.Point{r.Min, {r.Max.X, r.Min.Y + 6}, r.Max, {r.Min.X - 4, r.Max.Y}, r.Min}, 6)
		return img, r.Inset(apart / 2)
	case "a line under it":
		apart := int(0.12 * h)
		y := ink.Max.Y + apart
		pen(img, []image.Point{{ink.Min.X - int(0.1*w), y}, {ink.Max.X + int(0.15*w), y + 3}}, 10)
		return img, image.Rect(0, 0, 1000, y-apart/2)
	case "a stroke beside it":
		apart := int(0.5 * h)
		pen(img, arc(image.Pt(ink.Max.X+int(0.15*h)+apart, ink.Min.Y), 0.15*h, 0.1*h, 0.2, 2.8), 10)
		return img, image.Rect(0, 0, ink.Max.X+apart/2, 700)
	}
	panic(mark)
}

// A mark a person drew round a digit, under it or beside it, to point it
// out or by chance, is not taken for part of the digit (dropMarks, and
// digitMask's reach): the digit is found without it and read. Before, of
// these 12 test digits 10, 10, 6, 10 and 11 were read right, and the mark
// was taken with the digit in 38 of the 60 (of 20 digits: 9, 9, 6, 18, 18,
// and 80 of 100).
func TestMarkedDigit(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, mark := range []string{"a ring round it", "a ring round it, its ends apart", "a box round it", "a line under it", "a stroke beside it"} {
		right := 0
		for i := range 12 {
			img, within := marked(test.Image(nil, i), mark)
			in, info, err := Prepare(img)
			what := fmt.Sprintf("test digit %d with %s", i, mark)
			require.NoError(t, err, what)
			l, tp, r, b := info.Area()
			found := image.Rect(int(1000*l), int(700*tp), int(1000*r), int(700*b))
			assert.True(t, found.In(within), "%s: found at %v, its mark taken (keep within %v)", what, found, within)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("%s: %d of 12 read right", mark, right)
		assert.GreaterOrEqual(t, right, 11, mark)
	}
}

// A digit written in strokes apart is not taken for a mark and a digit
// (dropMarks): a 7's bar across its stem that stops short of it (inside
// the 7's box, and round it on four sides of eight: surrounds), a 5's top
// stroke apart from its body, and digits with rings of their own (a 0, a 0
// with a dot in it, an 8, a 6) are kept whole; a 1's foot apart is taken
// for a line under it, and the 1 is still a 1. (A 2 whose foot is written
// apart loses it, and is read as a 7: lineUnder's doc.)
func TestStrokesApartAreNoMark(t *testing.T) {
	reads := digitReader(t)
	c := image.Pt(500, 350)
	for _, c := range []struct {
		what    string
		digit   int
		strokes [][]image.Point
		whole   bool
	}{
		{"a 7, its bar apart from the stem", 7, [][]image.Point{{{420, 250}, {560, 250}, {470, 450}}, {{424, 350}, {490, 350}}}, true},
		{"a 5, its top apart", 5, [][]image.Point{{{450, 290}, {440, 350}, {500, 340}, {540, 380}, {530, 430}, {480, 450}, {440, 430}}, {{460, 260}, {540, 260}}}, true},
		{"a 0", 0, [][]image.Point{arc(c, 60, 100, 0, 2*math.Pi)}, true},
		{"a 0 with a dot in it", 0, [][]image.Point{arc(c, 60, 100, 0, 2*math.Pi), {c, c}}, true},
		{"an 8", 8, [][]image.Point{arc(image.Pt(500, 295), 40, 45, 0, 2*math.Pi), arc(image.Pt(500, 395), 50, 55, 0, 2*math.Pi)}, true},
		{"a 6", 6, [][]image.Point{append(arc(image.Pt(500, 390), 50, 55, 0, 2*math.Pi), image.Pt(545, 365), image.Pt(470, 330), image.Pt(520, 250))}, true},
		{"a 1, its foot apart", 1, [][]image.Point{{{470, 280}, {500, 250}, {500, 420}}, {{460, 445}, {540, 445}}}, false},
	} {
		img := photoWith(nil, 1000, 700, image.Rectangle{})
		for _, s := range c.strokes {
			pen(img, s, 16)
		}
		in, _, err := Prepare(img)
		require.NoError(t, err, c.what)
		assert.Equal(t, c.digit, reads(in), c.what)
		small := shrink(img)
		found, _, err := findDigitInFrame(grey(small), small.Bounds().Dx(), small.Bounds().Dy(), 1)
		require.NoError(t, err, c.what)
		if c.whole {
			assert.True(t, slices.Equal(found.v, dropMarks(found).v), "%s: kept whole", c.what)
		} else {
			assert.Less(t, dropMarks(found).box.Max.Y, found.box.Max.Y, "%s: its foot taken for a line under it", c.what)
		}
	}
}

// Ink of many pieces is not looked among for marks (dropMarks'
// work grows with the square of the pieces): a ring round a 1 is dropped,
// but not when maxMarkPieces specks lie round it too.
func TestMarksOfManyPieces(t *testing.T) {
	const side = 400
	inked := func(specks int) ink {
		v := make([]float32, side*side)
		dot := func(x, y, r int) {
			for yy := y - r; yy <= y+r; yy++ {
				for xx := x - r; xx <= x+r; xx++ {
					v[yy*side+xx] = 1
				}
			}
		}
		for _, p := range arc(image.Pt(200, 200), 90, 120, 0, 2*math.Pi) {
			dot(p.X, p.Y, 2)
		}
		for y := 140; y < 260; y++ {
			dot(200, y, 4)
		}
		for i := range specks { // in the corners, outside the ring
			dot(3+4*(i%20), 3+4*(i/20%20), 0)
		}
		t := ink{v: v, w: side, h: side}
		t.box = inkBox(v, side, side)
		return t
	}
	few := inked(0)
	assert.Equal(t, image.Rect(196, 136, 205, 264), dropMarks(few).box, "the ring dropped, the 1 kept")
	many := inked(maxMarkPieces)
	assert.True(t, slices.Equal(many.v, dropMarks(many).v), "with %d specks, nothing dropped", maxMarkPieces)
}
