package digitprep

import "math"

// thinInk is thinStrokes over the box of v's ink (w×h), where all the work
// is: outside it there is no ink to thin.
func thinInk(v []float32, w, h int, by, keep float32) []float32 {
	box := inkBox(v, w, h)
	bw, bh := box.Dx(), box.Dy()
	crop := make([]float32, bw*bh)
	for y := 0; y < bh; y++ {
		copy(crop[y*bw:(y+1)*bw], v[(box.Min.Y+y)*w+box.Min.X:])
	}
	thin := thinStrokes(crop, bw, bh, by, keep)
	out := make([]float32, w*h)
	for y := 0; y < bh; y++ {
		copy(out[(box.Min.Y+y)*w+box.Min.X:], thin[y*bw:(y+1)*bw])
	}
	return out
}

// thinStrokes thins the ink of v (w×h, ink over 0.5) by about by pixels on
// each side, as an erosion would, except that no stroke is thinned below
// keep pixels from its middle to its edge (or is thinned at all, if it is
// already thinner): a bold typeface's thick stems come down to MNIST's
// width while its hairlines, which an erosion would erase, stay. The
// result is 1 inside the thinned strokes, 0 outside, with a pixel's
// fraction on the new edges.
//
// The ink is taken as the union of discs that fit in it: one around each
// ink pixel, as wide as that pixel's distance to the background. Each disc
// shrinks by by, but a disc on a stroke's middle line (a pixel at least as
// far from the background as all its neighbours) keeps a radius of at
// least keep. Distances are chamfer distances (steps of 1 and √2, within
// 8 % of Euclidean), so that both the distances and the union of the
// shrunk discs take two passes over the image each: a fixed number of
// operations a pixel, whatever the strokes' width.
func thinStrokes(v []float32, w, h int, by, keep float32) []float32 {
	// Work on a grid with a one-pixel border, so that no pass tests bounds:
	// the border is background (distance 0, no disc).
	pw := w + 2
	at := func(x, y int) int { return (y+1)*pw + x + 1 }

	// dist: each ink pixel's distance to the nearest background pixel.
	dist := make([]float32, pw*(h+2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if v[y*w+x] > 0.5 {
				dist[at(x, y)] = math.MaxFloat32
			}
		}
	}
	chamfer(dist, w, h, false)

	// radius: each ink pixel's shrunk disc; a border pixel or background
	// has none (a radius that reaches nothing).
	const none = -math.MaxFloat32 / 2
	radius := make([]float32, len(dist))
	for i := range radius {
		radius[i] = none
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := at(x, y)
			d := dist[i]
			if d == 0 {
				continue
			}
			r := d - by
			if d >= max(dist[i-pw-1], dist[i-pw], dist[i-pw+1], dist[i-1], dist[i+1], dist[i+pw-1], dist[i+pw], dist[i+pw+1]) {
				r = max(r, min(d, keep)) // on the stroke's middle line
			}
			radius[i] = r
		}
	}
	// The union of the discs: how far inside the nearest disc edge each
	// pixel lies, the largest radius less the distance to its centre.
	chamfer(radius, w, h, true)

	out := make([]float32, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			out[y*w+x] = min(max(radius[at(x, y)], 0), 1)
		}
	}
	return out
}

// chamfer runs the two raster passes of a chamfer transform over the w×h
// pixels of g, stored inside a one-pixel border: forward over the
// neighbours before each pixel, then backward over those after it (steps
// of 1 across and √2 diagonally). Without grow, a pixel becomes its
// least neighbour plus the step, if that is less (a distance); with
// grow, its greatest neighbour less the step, if that is more (how far
// inside the union of discs it lies).
func chamfer(g []float32, w, h int, grow bool) {
	pw := w + 2
	const diag = math.Sqrt2
	for y := 1; y <= h; y++ {
		for i := y*pw + 1; i <= y*pw+w; i++ {
			a, b, c, d := g[i-1], g[i-pw-1], g[i-pw], g[i-pw+1]
			if grow {
				g[i] = max(g[i], a-1, b-diag, c-1, d-diag)
			} else {
				g[i] = min(g[i], a+1, b+diag, c+1, d+diag)
			}
		}
	}
	for y := h; y >= 1; y-- {
		for i := y*pw + w; i >= y*pw+1; i-- {
			a, b, c, d := g[i+1], g[i+pw+1], g[i+pw], g[i+pw-1]
			if grow {
				g[i] = max(g[i], a-1, b-diag, c-1, d-diag)
			} else {
				g[i] = min(g[i], a+1, b+diag, c+1, d+diag)
			}
		}
	}
}
