package digitprep

import (
	"image"
	"math"
)

// MNIST's strokes, measured as strokeWidth measures them on the digits of
// its test set once scaled so that their longer side is Box (20) pixels:
// 95 % are at least minStroke wide, half of them below midStroke
// (TestStrokeWidthsOfMNIST keeps the figures true).
//
// Preparation thickens a stroke thinner than minStroke to halfway between
// that bound and midStroke: a thin pen, a light font or a drawing on a
// large pad would otherwise come out as hairlines the autoencoder erases.
// It thins a stroke thicker than midStroke to midStroke, keeping hairlines
// (thinStrokes): between thick strokes the gaps are narrow, and the strong
// model closes a gap of a pixel, turning a bold 9 into an 8 or a closed 4
// into a 9. Thinning only strokes beyond MNIST's 95th percentile (3.1 px)
// left that to happen; an erosion beyond 2.38 px instead erased bold 4s'
// thinner bars (docs/training-log.md has the numbers).
const (
	minStroke = 1.3
	midStroke = 2.0
)

// strokeWidth is the mean width of the strokes of v (w wide) in box, in
// pixels: twice the area over the perimeter of the pixels over half (a
// stroke of width s and length L has area sL and perimeter about 2L).
func strokeWidth(v []float32, w int, box image.Rectangle) float64 {
	in := func(x, y int) bool { return image.Pt(x, y).In(box) && v[y*w+x] > 0.5 }
	var area, edges int
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if !in(x, y) {
				continue
			}
			area++
			for _, d := range [4]image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				if !in(x+d.X, y+d.Y) {
					edges++
				}
			}
		}
	}
	if edges == 0 {
		return 0
	}
	return 2 * float64(area) / float64(edges)
}

// normaliseStroke thickens or thins the ink of t when its strokes, at the
// scale that brings its box's longer side to Box pixels, are thinner than
// minStroke or thicker than midStroke: by grey dilations or by
// thinStrokes at the work scale, by about the difference, measured again
// after each step (the box changes with the strokes), at most five times.
func normaliseStroke(t ink) ink {
	for range 5 {
		next, changed := strokeStep(t)
		if !changed {
			break
		}
		t = next
	}
	return t
}

// strokeStep is one step of normaliseStroke, and whether it changed t.
func strokeStep(t ink) (ink, bool) {
	side := float64(max(t.box.Dx(), t.box.Dy()))
	perBox := side / Box // work pixels per pixel of the 20-pixel box
	s := strokeWidth(t.v, t.w, t.box) / perBox
	var r int
	switch {
	case s > 0 && s < minStroke:
		r = int(math.Round(((minStroke+midStroke)/2 - s) / 2 * perBox))
	case s > midStroke:
		r = -int(math.Round((s - midStroke) / 2 * perBox))
	}
	if r == 0 {
		return t, false
	}
	out := ink{w: t.w, h: t.h, origin: t.origin}
	if r > 0 {
		out.v = maxFilter(t.v, t.w, t.h, r)
	} else {
		out.v = thinInk(t.v, t.w, t.h, float32(-r), float32(midStroke/2*perBox))
	}
	out.box = inkBox(out.v, out.w, out.h)
	if out.box.Empty() { // thinned away: keep the strokes as they were
		return t, false
	}
	return out, true
}
