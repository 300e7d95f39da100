package digitprep

import (
	"image"
	"math"
	"math/rand/v2"
)

// enlargeBelow is the longer side, in pixels, under which a picture is
// looked at enlarged (enlarge). The detection measures its blur, its
// background and its noise in fractions of the picture's side and from
// differences between neighbouring pixels: in a picture a few pixels
// larger than the digit, every stroke pixel is an edge, and a crisp 16-pixel
// 0 was "nothing stands out of the background", whatever box was drawn
// round it (TestSmallPicture).
const enlargeBelow = 48

// enlargeTo is the longer side a small picture is enlarged to, at least.
const enlargeTo = 64

// enlargeFactor is the integer factor a w×h working picture is enlarged
// by before the digit is looked for in it: 1 (not at all) for one of
// enlargeBelow pixels or more on its longer side.
func enlargeFactor(w, h int) int {
	long := max(w, h)
	if long >= enlargeBelow || long <= 0 {
		return 1
	}
	return (enlargeTo + long - 1) / long
}

// enlarge is g (w×h grey levels) k times wider and higher, each new pixel
// interpolated bilinearly between the four nearest of g at its centre (a
// camera's picture of the same digit from closer is smooth, not blocks),
// or g itself when k is 1.
func enlarge(g []float32, w, h, k int) []float32 {
	if k <= 1 {
		return g
	}
	out := make([]float32, w*k*h*k)
	at := func(v float64, n int) (int, int, float32) { // the two source pixels around v, and the share of the second
		v = math.Max(0, math.Min(float64(n-1), v))
		i := min(int(v), n-1)
		return i, min(i+1, n-1), float32(v - float64(i))
	}
	for y := range h * k {
		y0, y1, fy := at((float64(y)+0.5)/float64(k)-0.5, h)
		for x := range w * k {
			x0, x1, fx := at((float64(x)+0.5)/float64(k)-0.5, w)
			top := g[y0*w+x0]*(1-fx) + g[y0*w+x1]*fx
			bottom := g[y1*w+x0]*(1-fx) + g[y1*w+x1]*fx
			out[y*w*k+x] = top*(1-fy) + bottom*fy
		}
	}
	return out
}

// inOwnPixels is r, in pixels of a picture enlarged k times, in the
// picture's own: the pixels it touches, whole.
func inOwnPixels(r image.Rectangle, k int) image.Rectangle {
	return image.Rect(r.Min.X/k, r.Min.Y/k, (r.Max.X+k-1)/k, (r.Max.Y+k-1)/k)
}

// padded is g (w×h grey levels) with a margin of m pixels of its paper
// on every side: the median of its border, with noise as strong as the
// picture's (drawn from a fixed seed, so that a picture is always
// prepared alike), as a flat margin would pass for a quiet background and
// let the picture's own noise stand out as ink. A small picture is often a
// crop tight round its ink (an icon, a screenshot's detail), whose
// border is then split between ink and paper, and whose digit is taken
// for background: "nothing stands out" for a crisp 9 cropped to 28×40,
// read once a pixel of paper was added round it.
func padded(g []float32, w, h int) ([]float32, int) {
	m := max(2, max(w, h)/8)
	paper := median(border(g, w, h))
	noise := noiseOf(g, w, h, 1)
	rng := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	pw := w + 2*m
	out := make([]float32, pw*(h+2*m))
	for i := range out {
		out[i] = float32(math.Max(0, math.Min(1, float64(paper)+noise*rng.NormFloat64())))
	}
	for y := range h {
		copy(out[(y+m)*pw+m:], g[y*w:(y+1)*w])
	}
	return out, m
}
