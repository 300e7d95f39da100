package webapp

import (
	"fmt"
	"image"
	"image/color"
	"strconv"

	"github.com/godae/dae/nn"
)

// LatentColumns is how many heat maps a row of LatentImage holds at most:
// the seed's eight in one row, the strong model's 32 in four. On a phone's
// narrow screen, NarrowLatentColumns where that keeps the picture no
// taller than wide (LatentColumnsFor).
const (
	LatentColumns       = 8
	NarrowLatentColumns = 4
)

// LatentColumnsFor is how many heat maps a row holds for a code of shape s,
// on a narrow screen if narrow: half as many there, in twice the rows, so
// that a unit's pixel is twice as wide to tap (the seed's were 9 px on a
// phone), unless the picture would then be taller than wide (the strong
// model's 32 maps in eight rows, a screen high).
func LatentColumnsFor(s nn.Shape, narrow bool) int {
	if narrow {
		if w, h := gridOf(s, NarrowLatentColumns).size(); h <= w {
			return NarrowLatentColumns
		}
	}
	return LatentColumns
}

// latentGrid is where LatentImage puts a code's values: its C maps in rows
// of up to a number of columns, one pixel per value, a one-pixel gap between maps.
// The page finds the unit under a click, and marks the unit nudged, by it.
type latentGrid struct {
	s          nn.Shape
	cols, rows int
}

func gridOf(s nn.Shape, columns int) latentGrid {
	cols := max(1, min(s.C, columns))
	return latentGrid{s: s, cols: cols, rows: (s.C + cols - 1) / cols}
}

// size is the picture's width and height in pixels.
func (g latentGrid) size() (w, h int) {
	return g.cols*(g.s.W+1) - 1, g.rows*(g.s.H+1) - 1
}

// origin is the top-left pixel of map c.
func (g latentGrid) origin(c int) (x, y int) {
	return c % g.cols * (g.s.W + 1), c / g.cols * (g.s.H + 1)
}

// LatentImage draws a latent code of shape C×H×W as C heat maps in rows of
// up to columns, one pixel per value with a one-pixel gap, all on
// one scale, from dark purple at 0 (or at the code's lowest value, if it
// is below 0) to yellow at the code's largest value. One scale for all, not
// one per map, so that what the eye compares is what the decoder gets: a
// map whose numbers are all near 0 is dark, as it is nearly off, where a
// scale of its own would stretch its tiny differences to the full range.
func LatentImage(code []float32, s nn.Shape, columns int) *image.RGBA {
	g := gridOf(s, columns)
	img := image.NewRGBA(image.Rectangle{Max: image.Pt(g.size())})
	lo, hi := LatentRange(code)
	for c := 0; c < s.C; c++ {
		x0, y0 := g.origin(c)
		ch := code[c*s.H*s.W : (c+1)*s.H*s.W]
		for y := 0; y < s.H; y++ {
			for x := 0; x < s.W; x++ {
				t := float32(0)
				if hi > lo {
					t = (ch[y*s.W+x] - lo) / (hi - lo)
				}
				img.Set(x0+x, y0+y, heat(t))
			}
		}
	}
	return img
}

// LatentRange is the range of values LatentImage spreads its colours over:
// from 0, or the code's lowest value if lower, to its largest.
func LatentRange(code []float32) (lo, hi float32) {
	for _, v := range code {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// LatentUnitAt is the unit of a code of shape s that LatentImage draws, in
// rows of up to columns, at fx, fy, shares of the picture's width and height (as where a click fell
// on it, at whatever size it is shown), and false for a gap between maps
// or a point outside the picture.
func LatentUnitAt(s nn.Shape, columns int, fx, fy float64) (unit int, ok bool) {
	g := gridOf(s, columns)
	w, h := g.size()
	if !(fx >= 0 && fx < 1 && fy >= 0 && fy < 1) || s.C <= 0 || s.H <= 0 || s.W <= 0 {
		return 0, false
	}
	px, py := int(fx*float64(w)), int(fy*float64(h))
	mx, x := px/(s.W+1), px%(s.W+1)
	my, y := py/(s.H+1), py%(s.H+1)
	c := my*g.cols + mx
	if x == s.W || y == s.H || c >= s.C {
		return 0, false
	}
	return (c*s.H+y)*s.W + x, true
}

// LatentUnitBox is where LatentImage draws, in rows of up to columns, unit
// (one of the code's, 0 to C·H·W−1) of a code of shape s: its pixel's left and top edges and its
// width and height, as shares of the picture's width and height (for a
// mark over the picture at any size).
func LatentUnitBox(s nn.Shape, columns, unit int) (left, top, width, height float64) {
	g := gridOf(s, columns)
	w, h := g.size()
	x0, y0 := g.origin(unit / (s.H * s.W))
	x, y := x0+unit%s.W, y0+unit/s.W%s.H
	return float64(x) / float64(w), float64(y) / float64(h), 1 / float64(w), 1 / float64(h)
}

// heat maps t in [0,1] to a colour from dark blue through teal to yellow
// (a coarse viridis).
func heat(t float32) color.RGBA {
	stops := []color.RGBA{{68, 1, 84, 255}, {59, 82, 139, 255}, {33, 145, 140, 255}, {94, 201, 98, 255}, {253, 231, 37, 255}}
	f := t * float32(len(stops)-1)
	i := min(int(f), len(stops)-2)
	u := f - float32(i)
	a, b := stops[i], stops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(float32(x)*(1-u) + float32(y)*u + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// LatentLit is the share of the code's largest value over which
// LatentTable counts a unit as lit: clear of 0, where many units of the
// bundled models' codes are (their encoders end in a ReLU).
const LatentLit = 0.1

// LatentTable is what the heat maps of a code of shape s show, as text: a
// row for each map, with its largest value and where it is, its mean, and
// how many of its units are lit (over LatentLit of the code's largest).
// Not every number: the strong model's code has 1,568, and one unit's is
// the nudge's to show (its field takes a unit's number).
func LatentTable(code []float32, s nn.Shape) Table {
	_, hi := LatentRange(code)
	n := s.H * s.W
	t := Table{
		Caption: fmt.Sprintf("Each of the code's %d maps: its largest number and where it is (rows and columns count from 0), the mean of its %d numbers, and how many are over %.0f %% of the code's largest, %.2f, which the heat maps show lit.", s.C, n, 100*LatentLit, hi),
		Head:    []string{"map", "largest (row, column)", "mean", "lit"},
	}
	if n <= 0 || s.C <= 0 || len(code)/n < s.C {
		return t // no code of that shape: no rows
	}
	for c := 0; c < s.C; c++ {
		ch := code[c*n : (c+1)*n]
		top, sum, lit := 0, float32(0), 0
		for i, v := range ch {
			if v > ch[top] {
				top = i
			}
			sum += v
			if hi > 0 && v > LatentLit*hi {
				lit++
			}
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(c),
			fmt.Sprintf("%.2f (%d, %d)", ch[top], top/s.W, top%s.W),
			fmt.Sprintf("%.2f", sum/float32(n)),
			fmt.Sprintf("%d of %d", lit, n),
		})
	}
	return t
}
