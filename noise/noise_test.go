package noise

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGaussianStatistics(t *testing.T) {
	const n = 100000
	src := make([]float32, n)
	for i := range src {
		src[i] = 0.5
	}
	dst := make([]float32, n)
	Gaussian(dst, src, 0.1, New(1))
	var sum, sq float64
	for _, v := range dst {
		assert.True(t, v >= 0 && v <= 1)
		sum += float64(v)
		sq += float64(v-0.5) * float64(v-0.5)
	}
	assert.InDelta(t, 0.5, sum/n, 0.002)
	assert.InDelta(t, 0.1, math.Sqrt(sq/n), 0.002, "σ = factor when nothing is clipped")

	again := make([]float32, n)
	Gaussian(again, src, 0.1, New(1))
	assert.Equal(t, dst, again, "same seed, same noise")
}

func TestGaussianClips(t *testing.T) {
	dst := make([]float32, 1000)
	Gaussian(dst, make([]float32, 1000), 0.5, New(2))
	zeros := 0
	for _, v := range dst {
		assert.True(t, v >= 0 && v <= 1)
		if v == 0 {
			zeros++
		}
	}
	assert.InDelta(t, 500, zeros, 60, "half the noise is negative and clipped to 0")
}

func TestSaltPepper(t *testing.T) {
	src := make([]float32, 10000)
	for i := range src {
		src[i] = 0.25
	}
	dst := make([]float32, len(src))
	SaltPepper(dst, src, 0.2, New(3))
	counts := map[float32]int{}
	for _, v := range dst {
		counts[v]++
	}
	assert.InDelta(t, 1000, counts[0], 120)
	assert.InDelta(t, 1000, counts[1], 120)
	assert.InDelta(t, 8000, counts[0.25], 150)
}

func TestOcclude(t *testing.T) {
	src := make([]float32, 28*28)
	for i := range src {
		src[i] = 1
	}
	dst := make([]float32, len(src))
	Occlude(dst, src, 28, 28, 0.25, New(4))
	zeros := 0
	for _, v := range dst {
		if v == 0 {
			zeros++
		}
	}
	assert.Equal(t, 7*7, zeros)
	Occlude(dst, src, 28, 28, 0, New(4))
	assert.Equal(t, src, dst)
}
