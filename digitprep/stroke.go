package digitprep

import (
	"image"
	"math"
)

// MNIST's strokes, measured as strokeWidth measures them on the digits of
// its test set once scaled so that their longer side is Box (20) pixels:
// the middle 90 % lie between minStroke and maxStroke, half of them below
// midStroke. Preparation thickens a stroke thinner than minStroke and
// thins one thicker than maxStroke, to halfway between that bound and
// midStroke: a thin pen, a light font or a drawing on a large pad would
// otherwise come out as hairlines the autoencoder erases, a marker as a
// blob (TestStrokeWidthsOfMNIST keeps the figures true).
const (
	minStroke = 1.3
	midStroke = 2.0
	maxStroke = 3.1
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

// normaliseStroke thickens or thins the ink of t when its strokes,
// at the scale that brings its box's longer side to Box pixels, are
// thinner than minStroke or thicker than maxStroke: by grey dilations or
// erosions at the work scale whose radius makes up about the difference,
// measured again after each (the box changes with the strokes), at most
// five times.
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
	case s > maxStroke:
		r = -int(math.Round((s - (maxStroke+midStroke)/2) / 2 * perBox))
	}
	if r == 0 {
		return t, false
	}
	out := ink{w: t.w, h: t.h, origin: t.origin}
	if r > 0 {
		out.v = maxFilter(t.v, t.w, t.h, r)
	} else {
		out.v = minFilter(t.v, t.w, t.h, -r)
	}
	out.box = inkBox(out.v, out.w, out.h)
	if out.box.Empty() { // thinned away: keep the strokes as they were
		return t, false
	}
	return out, true
}
