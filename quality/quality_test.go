package quality

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func ramp(n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(i%17) / 16
	}
	return s
}

func TestPSNR(t *testing.T) {
	a := ramp(784)
	assert.Equal(t, MaxPSNR, PSNR(a, a), "identical images get the cap")
	b := make([]float32, len(a))
	for i := range a {
		b[i] = a[i] + 0.1 // MSE 0.01 → 20 dB
	}
	assert.InDelta(t, 20, PSNR(a, b), 1e-5)
	half := []float32{0, 0, 0, 0}
	assert.InDelta(t, 10*math.Log10(4), PSNR(half, []float32{1, 0, 0, 0}), 1e-9, "MSE 1/4 → 6.02 dB")
}

func TestSSIM(t *testing.T) {
	a := ramp(28 * 28)
	assert.InDelta(t, 1, SSIM(a, a, 28, 28), 1e-12)
	// Constant images: means differ, variances are 0. With μx=0, μy=1:
	// SSIM = c1·c2 / ((1+c1)·c2) = c1/(1+c1).
	zeros, ones := make([]float32, 49), make([]float32, 49)
	for i := range ones {
		ones[i] = 1
	}
	c1 := k1 * k1
	assert.InDelta(t, c1/(1+c1), SSIM(zeros, ones, 7, 7), 1e-12)
	// A negated image (1-x) of a symmetric pattern: covariance is -variance.
	neg := make([]float32, len(a))
	for i, v := range a {
		neg[i] = 1 - v
	}
	assert.Less(t, SSIM(a, neg, 28, 28), 0.0)
	assert.True(t, math.IsNaN(SSIM(a[:36], a[:36], 6, 6)), "too small for a 7×7 window")
}

func TestBCE(t *testing.T) {
	assert.InDelta(t, math.Log(2), BCE([]float32{0, 1}, []float32{0.5, 0.5}), 1e-12)
	assert.InDelta(t, 100, BCE([]float32{1}, []float32{0}), 1e-12, "log clamped at -100")
	assert.InDelta(t, 0, BCE([]float32{1, 0}, []float32{1, 0}), 1e-12)
	// Outside [0, 1], at the nearer bound (it was NaN: a total-variation
	// output of -0.01 made the README's table say NaN).
	assert.InDelta(t, 100, BCE([]float32{1}, []float32{-0.01}), 1e-12)
	assert.InDelta(t, 0, BCE([]float32{0, 1}, []float32{-0.01, 1.02}), 1e-12)
}

func TestMeasureAverages(t *testing.T) {
	a := ramp(2 * 784)
	b := append([]float32(nil), a...)
	for i := 784; i < len(b); i++ {
		b[i] += 0.1
	}
	s := Measure(a, b, 28, 28)
	assert.Equal(t, 2, s.N)
	assert.InDelta(t, (MaxPSNR+20)/2, s.PSNR, 1e-4)
}
