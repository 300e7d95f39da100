package digitprep

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// thinStrokes equals its definition, computed pixel by pixel on random ink:
// the union of the shrunk discs around every ink pixel, with chamfer
// distances written as a formula rather than propagated.
func TestThinStrokesMatchesItsDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	// The chamfer distance between two pixels: straight steps, then diagonal ones.
	apart := func(x0, y0, x1, y1 int) float32 {
		dx, dy := math.Abs(float64(x1-x0)), math.Abs(float64(y1-y0))
		return float32(max(dx, dy) + (math.Sqrt2-1)*min(dx, dy))
	}
	for _, c := range [][2]int{{1, 1}, {9, 5}, {17, 23}, {30, 12}} {
		w, h := c[0], c[1]
		v := make([]float32, w*h)
		for i := range v {
			if r.Float32() < 0.7 {
				v[i] = inkLevel + r.Float32()*(1-inkLevel) + 1e-3
			}
		}
		by, keep := float32(1+r.IntN(3)), float32(r.IntN(4))
		got := thinStrokes(v, w, h, by, keep)
		ink := func(x, y int) bool { return x >= 0 && y >= 0 && x < w && y < h && v[y*w+x] > inkLevel }
		dist := make([]float32, w*h)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				if !ink(x, y) {
					continue
				}
				d := float32(math.MaxFloat32)
				for yy := -1; yy <= h; yy++ { // the background, and the border around the image
					for xx := -1; xx <= w; xx++ {
						if !ink(xx, yy) {
							d = min(d, apart(x, y, xx, yy))
						}
					}
				}
				dist[y*w+x] = d
			}
		}
		// A middle-line pixel: no neighbour half a pixel deeper or more.
		middle := func(x, y int) bool {
			if !ink(x, y) {
				return false
			}
			d := dist[y*w+x]
			for ny := y - 1; ny <= y+1; ny++ {
				for nx := x - 1; nx <= x+1; nx++ {
					if ink(nx, ny) && dist[ny*w+nx] >= d+0.5 {
						return false
					}
				}
			}
			return true
		}
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				best := float32(-1)
				for qy := 0; qy < h; qy++ {
					for qx := 0; qx < w; qx++ {
						d := dist[qy*w+qx]
						if d == 0 {
							continue
						}
						rad, line := d-by, false
						for ny := qy - 1; ny <= qy+1; ny++ {
							for nx := qx - 1; nx <= qx+1; nx++ {
								if (nx != qx || ny != qy) && middle(nx, ny) {
									line = true
								}
							}
						}
						if middle(qx, qy) && line {
							rad = max(rad, min(d, keep))
						}
						best = max(best, rad-apart(x, y, qx, qy))
					}
				}
				assert.InDelta(t, min(max(best, 0), 1, v[y*w+x]), got[y*w+x], 1e-5, "%v by %v keep %v at %d,%d", c, by, keep, x, y)
			}
		}
	}
}

// A thick bar loses about by on each side; a hairline beside it, which an
// erosion by as much would erase, stays; nothing is added outside the ink.
func TestThinStrokesKeepsHairlines(t *testing.T) {
	const w, h = 40, 40
	v := make([]float32, w*h)
	for y := 5; y < 35; y++ {
		for x := 5; x < 25; x++ { // the bar: 20 px wide
			v[y*w+x] = 1
		}
		v[y*w+30], v[y*w+31] = 1, 1 // the hairline: 2 px
	}
	got := thinStrokes(v, w, h, 5, 3)
	row := got[20*w : 21*w]
	bar := 0
	for x := 0; x < 28; x++ {
		if row[x] > 0.5 {
			bar++
		}
	}
	assert.InDelta(t, 10, bar, 1, "the bar's width across its middle")
	assert.Greater(t, row[30], float32(0.5), "the hairline")
	assert.Greater(t, row[31], float32(0.5), "the hairline")
	for i, g := range got {
		if v[i] == 0 {
			assert.Zero(t, g, "ink added at %d,%d", i%w, i/w)
		}
	}
}

// thinInk, which works on the ink's box only, gives what thinStrokes gives
// on the whole image.
func TestThinInkIsThinStrokes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const w, h = 31, 23
	v := make([]float32, w*h)
	for y := 4; y < 19; y++ {
		for x := 7; x < 26; x++ {
			v[y*w+x] = r.Float32()
		}
	}
	v[0] = 0.4 // not ink: outside the box
	assert.Equal(t, thinStrokes(v, w, h, 2, 1), thinInk(v, w, h, 2, 1))
}

// A hairline that runs into a wider stroke is kept up to where that
// stroke was (its pixel next to the stroke is √2 from the background, the
// hairline's 1); a one-pixel bump on a thick stroke's edge is thinned with
// the stroke, not left behind as a dot.
func TestThinStrokesKeepsHairlinesWholeAndLeavesNoDots(t *testing.T) {
	const w, h = 40, 24
	v := make([]float32, w*h)
	for x := 2; x < 38; x++ {
		top, bottom := 11, 13 // the hairline, 2 px
		if x >= 14 {
			top, bottom = 4, 18 // the stroke, 14 px
		}
		if x == 20 || x == 30 {
			top-- // bumps on its edge
		}
		for y := top; y < bottom; y++ {
			v[y*w+x] = 1
		}
	}
	got := thinStrokes(v, w, h, 4, 3)
	for x := 2; x < 14; x++ {
		assert.Equal(t, float32(1), got[11*w+x], "the hairline at x=%d", x)
	}
	for x := 18; x < 34; x++ {
		assert.Equal(t, float32(1), got[11*w+x], "the stroke's middle at x=%d", x)
	}
	for y := 0; y < 8; y++ {
		for x := 0; x < w; x++ {
			assert.Less(t, got[y*w+x], float32(0.5), "left at %d,%d", x, y)
		}
	}
}

// Faint ink (over inkLevel, under a half) is thinned as a stroke, keeping
// its grey level, not dropped.
func TestThinStrokesKeepsFaintInk(t *testing.T) {
	const w, h = 30, 30
	v := make([]float32, w*h)
	for y := 5; y < 25; y++ {
		for x := 9; x < 21; x++ {
			v[y*w+x] = 0.45
		}
	}
	got := thinStrokes(v, w, h, 2, 1)
	assert.Equal(t, float32(0.45), got[15*w+15])
	assert.Zero(t, got[15*w+9], "the edge is thinned")
}
