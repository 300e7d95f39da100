package digitprep

import (
	"image"
	"math"
)

// A frame round a picture (a border drawn round a scan or a screenshot, a
// photo's black mat): a band of one grey level along all four edges, each
// side's band ending in a step to the paper inside, which fills most of
// what the frame holds. The border, which tells most pictures' paper from
// their ink (paperIsLight), is then the frame's: a black frame round dark
// ink on white was taken for the background, and the white paper inside
// it for ink.
const (
	// maxFrame is the widest a frame's band may be, as a share of the
	// picture's side: a desk around a note is background further in.
	maxFrame = 0.2
	// bandLevel is how far from the border's median grey level a line's
	// median may be and still be the frame's.
	bandLevel = 0.15
	// frameStep is how far the line after a side's band, and the paper
	// inside, must be from the frame's level: a step, not light falling
	// off towards the edges. A soft edge (a photo's, or a frame shrunk
	// with the picture) may take as many lines as the blur's radius
	// between the two.
	frameStep = 0.3
	// paperLevel is how far from the paper's grey level (lightly
	// blurred) a pixel may be and still be paper.
	paperLevel = 0.2
	// paperShare is the least share of the first line inside each side's
	// band, between the other sides' bands, that is paper; insideShare the
	// least share of all that the frame holds. A frame's inside begins
	// with paper and is mostly paper, where a bold 0 cropped close, whose
	// ring also steps from the border's level on all four sides, holds
	// its ring and its counter about half and half.
	paperShare  = 0.8
	insideShare = 0.85
)

// unframe is the part of g (w×h) inside a frame round the picture, if it
// has one.
func unframe(g []float32, w, h int) (image.Rectangle, bool) {
	b := border(g, w, h)
	if mixed(b) {
		return image.Rectangle{}, false
	}
	level := median(b)
	r := max(1, min(w, h)/100) // the blur's radius, against noise
	line := make([]float32, 0, max(w, h))
	row := func(g []float32, y, x0, x1 int) []float32 { return append(line[:0], g[y*w+x0:y*w+x1]...) }
	col := func(g []float32, x, y0, y1 int) []float32 {
		line = line[:0]
		for y := y0; y < y1; y++ {
			line = append(line, g[y*w+x])
		}
		return line
	}
	// depth is the width of one side's band: the lines from the edge
	// inwards (at(i), n of them across the picture) at the frame's level,
	// then at most r+1 between, then a step from it.
	depth := func(at func(i int) []float32, n int) int {
		between := 0
		for i := range int(maxFrame * float64(n)) {
			d := math.Abs(float64(quantile(at(i), 0.5) - level)) // the median, by selection: every upload looks
			switch {
			case d >= frameStep && i > between:
				return i
			case d > bandLevel:
				if between++; between > r+1 {
					return -1
				}
			case between > 0:
				return -1 // back to the frame's level: no step
			}
		}
		return -1
	}
	// Side by side, stopping at the first without a band (most pictures'
	// first side: paper to the edge).
	var d [4]int // top, bottom, left, right
	for s, at := range []func(i int) []float32{
		func(i int) []float32 { return row(g, i, 0, w) },
		func(i int) []float32 { return row(g, h-1-i, 0, w) },
		func(i int) []float32 { return col(g, i, 0, h) },
		func(i int) []float32 { return col(g, w-1-i, 0, h) },
	} {
		if d[s] = depth(at, []int{h, h, w, w}[s]); d[s] < 0 {
			return image.Rectangle{}, false
		}
	}
	top, bottom, left, right := d[0], d[1], d[2], d[3]
	in := image.Rect(left, top, w-right, h-bottom)
	paper := quantile(cropOf(g, w, in), 0.5) // a sample's: the inside may be most of a large picture
	if math.Abs(float64(paper-level)) < frameStep {
		return image.Rectangle{}, false
	}
	// Lightly blurred, and looked at past the blur's reach from the band.
	soft := boxBlur(g, w, h, r)
	look := in.Inset(r + 1)
	if look.Empty() {
		return image.Rectangle{}, false
	}
	onPaper := func(l []float32, share float64) bool {
		n := 0
		for _, v := range l {
			if math.Abs(float64(v-paper)) <= paperLevel {
				n++
			}
		}
		return float64(n) >= share*float64(len(l))
	}
	if !onPaper(cropOf(soft, w, look), insideShare) ||
		!onPaper(row(soft, look.Min.Y, look.Min.X, look.Max.X), paperShare) || !onPaper(row(soft, look.Max.Y-1, look.Min.X, look.Max.X), paperShare) ||
		!onPaper(col(soft, look.Min.X, look.Min.Y, look.Max.Y), paperShare) || !onPaper(col(soft, look.Max.X-1, look.Min.Y, look.Max.Y), paperShare) {
		return image.Rectangle{}, false
	}
	return in, true
}

// cropOf is the part r of g (w wide), row by row.
func cropOf(g []float32, w int, r image.Rectangle) []float32 {
	c := make([]float32, 0, r.Dx()*r.Dy())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		c = append(c, g[y*w+r.Min.X:y*w+r.Max.X]...)
	}
	return c
}
