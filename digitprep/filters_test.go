package digitprep

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The filters equal their definitions, computed pixel by pixel, on images
// of odd shapes and windows wider than the image.
func TestFiltersMatchTheirDefinitions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range [][3]int{{1, 1, 1}, {7, 3, 1}, {13, 9, 2}, {20, 31, 4}, {5, 6, 10}} {
		w, h, rad := c[0], c[1], c[2]
		g := make([]float32, w*h)
		for i := range g {
			g[i] = r.Float32()
		}
		lo, hi, mean := minFilter(g, w, h, rad), maxFilter(g, w, h, rad), boxBlur(g, w, h, rad)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				mn, mx, sum, n := float32(2), float32(-1), 0.0, 0
				for yy := max(0, y-rad); yy <= min(h-1, y+rad); yy++ {
					for xx := max(0, x-rad); xx <= min(w-1, x+rad); xx++ {
						v := g[yy*w+xx]
						mn, mx, sum, n = min(mn, v), max(mx, v), sum+float64(v), n+1
					}
				}
				i := y*w + x
				assert.Equal(t, mn, lo[i], "min %v at %d,%d", c, x, y)
				assert.Equal(t, mx, hi[i], "max %v at %d,%d", c, x, y)
				assert.InDelta(t, sum/float64(n), mean[i], 1e-5, "mean %v at %d,%d", c, x, y)
			}
		}
	}
}

func TestQuantile(t *testing.T) {
	assert.Equal(t, float32(0), quantile(nil, 0.5), "no values")
	assert.Equal(t, float32(3), quantile([]float32{5, 1, 3, 2, 4}, 0.5))
	big := make([]float32, 100_000)
	for i := range big {
		big[i] = float32(i % 1000)
	}
	assert.InDelta(t, 500, quantile(big, 0.5), 10, "from a sample")
}

// TestNth checks that selection finds what sorting puts at each place,
// whatever the values' order and repeats.
func TestNth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []struct {
		name string
		kind func(i, n int) float32
	}{
		{"random", func(int, int) float32 { return rng.Float32() }},
		{"sorted", func(i, _ int) float32 { return float32(i) }},
		{"reversed", func(i, n int) float32 { return float32(n - i) }},
		{"all equal", func(int, int) float32 { return 0.5 }},
		{"few", func(int, int) float32 { return float32(rng.IntN(3)) }},
		{"organ", func(i, n int) float32 { return float32(min(i, n-i)) }}, // bad pivots: ends in the sort
	}
	for _, c := range kinds {
		name, kind := c.name, c.kind
		for _, n := range []int{1, 2, 17, 100, 1000, 1 << 14} {
			v := make([]float32, n)
			for i := range v {
				v[i] = kind(i, n)
			}
			sorted := slices.Sorted(slices.Values(v))
			for _, k := range []int{0, n / 3, n / 2, n - 1, rng.IntN(n)} {
				c := slices.Clone(v)
				require.Equal(t, sorted[k], nth(c, k), "%s, %d values, place %d", name, n, k)
			}
		}
	}
}
