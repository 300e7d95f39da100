package noise

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// digit is a 28×28 bar, ink 1 on 0.
func digit() []float32 {
	d := make([]float32, 28*28)
	for y := 6; y < 22; y++ {
		for x := 12; x < 16; x++ {
			d[y*28+x] = 1
		}
	}
	return d
}

func sum(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x)
	}
	return s
}

func TestDamageKeepsRangeAndInk(t *testing.T) {
	src := digit()
	out := make([]float32, len(src))
	r := New(3)
	for name, f := range map[string]func(){
		"blur":       func() { Blur(out, src, 28, 28, 1) },
		"background": func() { Background(out, src, 28, 28, 0.3, 0.2, 0.5, r) },
		"faint":      func() { Faint(out, src, 0.5) },
		"thin":       func() { Thin(out, src, 28, 28, 1) },
		"jpeg":       func() { JPEG(out, src, 28, 28, 20) },
		"blocks":     func() { Blocks(out, src, 28, 28, 2, 6, r) },
	} {
		f()
		for i, v := range out {
			assert.True(t, v >= 0 && v <= 1, "%s: value %d is %v", name, i, v)
		}
		t.Logf("%s: ink %.0f → %.0f", name, sum(src), sum(out))
	}
	Blur(out, src, 28, 28, 1)
	assert.InDelta(t, sum(src), sum(out), 1, "a blur moves ink, it does not add any")
	Faint(out, src, 0.5)
	assert.InDelta(t, sum(src)/2, sum(out), 1e-3)
	Thin(out, src, 28, 28, 1)
	assert.InDelta(t, 14*2, sum(out), 1e-3, "a 4×16 bar thinned by a pixel each side is 2×14")
	JPEG(out, src, 28, 28, 95)
	assert.InDelta(t, sum(src), sum(out), 0.05*sum(src), "quality 95 keeps the digit")
}

func TestBlindMixture(t *testing.T) {
	src := digit()
	out := make([]float32, len(src))
	clean, alone, seen, sides := 0, 0, map[string]int{}, map[int]int{}
	const n = 2000
	r := New(5)
	for range n {
		did := Blind(out, src, 28, 28, r)
		for i, v := range out {
			if !(v >= 0 && v <= 1) || math.IsNaN(float64(v)) {
				t.Fatalf("%s: value %d is %v", did, i, v)
			}
		}
		if did == "clean" {
			clean++
			assert.Equal(t, src, out)
		}
		if !strings.Contains(did, ", ") && strings.HasPrefix(did, "Gaussian") {
			alone++
		}
		gaussian := 0
		for _, part := range strings.Split(did, ", ") {
			seen[strings.Fields(part)[0]]++
			if strings.HasPrefix(part, "Gaussian") {
				gaussian++
			}
			var n, side int
			if _, err := fmt.Sscanf(part, "blocks: %d of %d×", &n, &side); err == nil {
				sides[side]++
			}
		}
		assert.LessOrEqual(t, gaussian, 1, "%s: Gaussian noise on top only when none was drawn", did)
	}
	assert.InDelta(t, CleanShare, float64(clean)/n, 0.03)
	for side := minBlock; side <= maxBlock; side++ {
		assert.Positive(t, sides[side], "blocks of %d px", side)
	}
	assert.Len(t, sides, maxBlock-minBlock+1, "no other sides")
	// Gaussian noise alone is GaussianShare of the draws, and one damage of
	// eight drawn alone; of the other damaged draws, Gaussian noise is
	// drawn as one of the kinds (1 to 3 of 8, on average 2 of 8: a
	// quarter), and added on top of NoiseShare of the rest: about
	// 0.25 + 0.75·NoiseShare of them.
	others := 1 - CleanShare - GaussianShare
	assert.InDelta(t, GaussianShare+others/3/8, float64(alone)/n, 0.03)
	assert.InDelta(t, GaussianShare+others*(0.25+0.75*NoiseShare), float64(seen["Gaussian"])/n, 0.05)
	for _, kind := range []string{"thin", "faint", "blur", "background", "blocks:", "JPEG", "Gaussian", "salt"} {
		assert.Greater(t, seen[kind], n/20, kind)
	}
	a, b := make([]float32, len(src)), make([]float32, len(src))
	assert.Equal(t, Blind(a, src, 28, 28, New(9)), Blind(b, src, 28, 28, New(9)))
	assert.Equal(t, a, b, "same seed, same damage")
}
