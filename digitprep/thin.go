package digitprep

import "math"

// inkLevel is the value over which thinStrokes takes a pixel for ink: low
// enough that a faint stretch of a stroke, which findInk keeps down to
// 15 % of the strongest ink, is thinned as a stroke rather than dropped.
const inkLevel = 0.25

// thinInk is thinStrokes over the box of v's ink (w×h), where all the work
// is: outside it there is nothing that thinStrokes keeps.
func thinInk(v []float32, w, h int, by, keep float32) []float32 {
	box := boxOver(v, w, h, inkLevel)
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

// thinStrokes thins the ink of v (w×h, the pixels over inkLevel) by about
// by pixels on each side, as an erosion would, except that no stroke is
// thinned below keep pixels from its middle to its edge (or is thinned at
// all, if it is already thinner): a bold typeface's thick stems come down
// to MNIST's width while its hairlines, which an erosion would erase, stay.
// What stays keeps its grey levels (v), the new edges a fraction of them;
// the rest is 0. Ink at the image's edge is thinned from that edge too.
//
// The ink is taken as the union of discs that fit in it: one around each
// ink pixel, as wide as that pixel's distance to the background. Each disc
// shrinks by by, but a disc on a stroke's middle line keeps a radius of at
// least keep. Distances are chamfer distances (steps of 1 and √2, at most
// 8.3 % over Euclidean), so that both the distances and the union of the
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
			if v[y*w+x] > inkLevel {
				dist[at(x, y)] = math.MaxFloat32
			}
		}
	}
	chamfer(dist, w, h, false)

	// middle: the pixels on a stroke's middle line, as deep in the ink as
	// their neighbours (within half a pixel: where a hairline meets a wider
	// stroke, the next pixel is √2 deep to its 1).
	middle := make([]bool, len(dist))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := at(x, y)
			if d := dist[i]; d > 0 {
				middle[i] = d+0.5 > max(dist[i-pw-1], dist[i-pw], dist[i-pw+1], dist[i-1], dist[i+1], dist[i+pw-1], dist[i+pw], dist[i+pw+1])
			}
		}
	}
	// radius: each ink pixel's shrunk disc; a border pixel or background
	// has none (a radius that reaches nothing). A middle-line pixel with a
	// middle-line neighbour (a line, not the tip of a bump on a stroke's
	// edge) keeps at least keep.
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
			if middle[i] && (middle[i-pw-1] || middle[i-pw] || middle[i-pw+1] || middle[i-1] || middle[i+1] || middle[i+pw-1] || middle[i+pw] || middle[i+pw+1]) {
				r = max(r, min(d, keep))
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
			out[y*w+x] = min(max(radius[at(x, y)], 0), 1, v[y*w+x])
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
