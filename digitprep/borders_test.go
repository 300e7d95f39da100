package digitprep

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// toBorders carries an opening on to a border only where the light
// behind it rises towards that border as a vignette's does: by minRise to
// maxRise over the window's radius, not slowing down, along half the
// border or more. Each case is a background that rises towards the left
// and right borders (g of the distance from the middle, 0 there and 1 at
// the borders, for rows y of h), and the opening an opening over a window
// of radius r would make of it: flat within r of each border.
func TestToBorders(t *testing.T) {
	const w, h, r = 120, 90, 15
	for _, c := range []struct {
		name    string
		g       func(d float64, y int) float64
		carried bool
	}{
		{"a vignette", func(d float64, _ int) float64 { return 0.1 * d * d }, true},
		{"a slope, steepening", func(d float64, _ int) float64 { return 0.03*d + 0.03*d*d }, true},
		{"a vignette that levels off within r of the borders: the ceiling holds the curve under it", func(d float64, _ int) float64 { return 0.1 * min(d, 0.8) * min(d, 0.8) }, true},
		{"light that levels off towards the borders", func(d float64, _ int) float64 { return 0.1 * math.Sqrt(d) }, false},
		{"too steep for lighting: a desk's or a shadow's edge", func(d float64, _ int) float64 { return 0.6 * d * d }, false},
		{"too little: the paper's noise", func(d float64, _ int) float64 { return 0.005 * d * d }, false},
		{"along a third of the border", func(d float64, y int) float64 {
			if y < h/3 {
				return 0.1 * d * d
			}
			return 0
		}, false},
	} {
		light, open := make([]float32, w*h), make([]float32, w*h)
		at := func(x, y int) float32 {
			return float32(0.2 + c.g(math.Abs(float64(x)-float64(w-1)/2)/(float64(w-1)/2), y))
		}
		for y := range h {
			for x := range w {
				light[y*w+x] = at(x, y)
				open[y*w+x] = at(min(max(x, r), w-1-r), y)
			}
		}
		out := toBorders(open, light, w, h, r)
		raised := 0 // within r of the left and right borders, not of the others
		for i, v := range out {
			assert.GreaterOrEqual(t, v, open[i], "%s: never lowered", c.name)
			assert.LessOrEqual(t, v, light[i]+1e-6, "%s: never above the light", c.name)
			if x, y := i%w, i/w; v > open[i] && (x < r || x >= w-r) && y >= r && y < h-r {
				raised++
			}
		}
		if !c.carried {
			assert.Zero(t, raised, "%s: not carried on", c.name)
			continue
		}
		// Carried on, the band r/2 wide that the ceiling (an opening over
		// half the window) leaves is all that is left of it: half way to
		// the border, the opening is the light.
		mid := h / 2
		for _, x := range []int{r / 2, w - 1 - r/2} {
			i := mid*w + x
			assert.InDelta(t, light[i], out[i], 0.1*float64(light[i]-open[i]), "%s: at x=%d, %v from %v, the light %v", c.name, x, out[i], open[i], light[i])
		}
	}
}
