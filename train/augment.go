//go:build gotch

package main

import (
	"math"
	"math/rand/v2"
)

// How the digit reader's training digits are varied, each image at random
// within these bounds: people's digits are slanted, sized, placed and
// written with pens that MNIST's writers did not all use, and uploads are
// prepared close to MNIST's form, not exactly to it. These are the usual
// augmentations for MNIST, within MNIST's own range of variation.
const (
	readerShift  = 2    // pixels each way
	readerRotate = 12   // degrees each way
	readerScale  = 0.12 // the size varies by up to this share each way
)

// augmentText says how the training digits were varied, for the metadata
// and the report.
var augmentText = "the clean image, rotated by up to ±12°, scaled by up to ±12 %, shifted by up to 2 pixels each way and its strokes thickened or thinned by half a pixel, at random"

// augment writes to dst (28×28) the digit src moved at random within
// the bounds above: its strokes grown or shrunk by half a pixel (a grey
// dilation or erosion at twice the resolution; no erosion that would take
// away more than 40 % of the ink), then rotated about the centre, scaled
// and shifted, sampled bilinearly.
func augment(dst, src []float32, rows, cols int, r *rand.Rand) {
	// Twice the resolution, so that half a pixel of stroke is one pixel.
	w2, h2 := 2*cols, 2*rows
	big := make([]float32, w2*h2)
	for y := 0; y < h2; y++ {
		for x := 0; x < w2; x++ {
			big[y*w2+x] = src[(y/2)*cols+x/2]
		}
	}
	switch r.IntN(3) {
	case 1:
		big = morph3(big, w2, h2, true)
	case 2:
		// Thinner, but not broken: a digit of hairlines stays as it is.
		if thinner := morph3(big, w2, h2, false); sum(thinner) >= 0.6*sum(big) {
			big = thinner
		}
	}
	theta := (2*r.Float64() - 1) * readerRotate * math.Pi / 180
	scale := 1 + (2*r.Float64()-1)*readerScale
	dx := float64(r.IntN(2*readerShift+1) - readerShift)
	dy := float64(r.IntN(2*readerShift+1) - readerShift)
	sin, cos := math.Sincos(-theta)
	cx, cy := float64(cols)/2, float64(rows)/2
	at := func(x, y int) float32 {
		if x < 0 || y < 0 || x >= w2 || y >= h2 {
			return 0
		}
		return big[y*w2+x]
	}
	for y := 0; y < rows; y++ {
		for x := 0; x < cols; x++ {
			// Back from the output pixel's centre to the source.
			px, py := (float64(x)+0.5-cx-dx)/scale, (float64(y)+0.5-cy-dy)/scale
			sx, sy := cos*px-sin*py+cx, sin*px+cos*py+cy
			// Bilinear in the doubled image, whose pixel centres are at (i+0.5)/2.
			u, v := 2*sx-0.5, 2*sy-0.5
			x0, y0 := int(math.Floor(u)), int(math.Floor(v))
			tx, ty := float32(u-float64(x0)), float32(v-float64(y0))
			dst[y*cols+x] = (1-ty)*((1-tx)*at(x0, y0)+tx*at(x0+1, y0)) + ty*((1-tx)*at(x0, y0+1)+tx*at(x0+1, y0+1))
		}
	}
}

func sum(v []float32) float32 {
	var s float32
	for _, x := range v {
		s += x
	}
	return s
}

// morph3 is a 3×3 grey dilation (grow) or erosion of a w×h image.
func morph3(g []float32, w, h int, grow bool) []float32 {
	out := make([]float32, len(g))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := g[y*w+x]
			for yy := max(0, y-1); yy <= min(h-1, y+1); yy++ {
				for xx := max(0, x-1); xx <= min(w-1, x+1); xx++ {
					if grow {
						v = max(v, g[yy*w+xx])
					} else {
						v = min(v, g[yy*w+xx])
					}
				}
			}
			out[y*w+x] = v
		}
	}
	return out
}
