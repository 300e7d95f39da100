package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// naiveConv runs the reference convolution into a new slice.
func naiveConv(in []float32, s Shape, w, b []float32, o int, valid bool, act string) []float32 {
	oh, ow := s.H, s.W
	if valid {
		oh, ow = s.H-2, s.W-2
	}
	out := make([]float32, o*oh*ow)
	conv3x3Ref(out, in, s, w, b, o, valid, act)
	return out
}

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
	}
	return s
}

func TestConv3x3MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		s     Shape
		o     int
		valid bool
		act   string
	}{
		{Shape{1, 28, 28}, 16, false, ActReLU},
		{Shape{8, 7, 7}, 8, false, ActNone},
		{Shape{8, 16, 16}, 16, true, ActReLU},
		{Shape{16, 28, 28}, 1, false, ActSigmoid},
		{Shape{3, 1, 5}, 2, false, ActNone}, // thinner than the kernel
		{Shape{2, 3, 3}, 4, true, ActNone},  // 'valid' down to 1×1
	} {
		in := randSlice(r, tc.s.Len())
		w := randSlice(r, tc.o*tc.s.C*9)
		b := randSlice(r, tc.o)
		want := naiveConv(in, tc.s, w, b, tc.o, tc.valid, tc.act)
		got := make([]float32, len(want))
		// Scratch left dirty by an earlier layer must not leak into the output.
		pad, acc := nanSlice(padLen(tc.s, tc.valid)), nanSlice(accLen(tc.s, tc.valid))
		conv3x3(got, in, tc.s, w, b, tc.o, tc.valid, tc.act, pad, acc)
		assert.InDeltaSlice(t, want, got, 1e-5, "%+v", tc)
	}
}

// nanSlice returns n NaNs.
func nanSlice(n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(math.NaN())
	}
	return s
}

func TestConv3x3KnownValues(t *testing.T) {
	// A 3×3 image of ones convolved with a kernel of ones: each output
	// counts the input cells its window covers, plus the bias 0.5.
	in := []float32{1, 1, 1, 1, 1, 1, 1, 1, 1}
	w := []float32{1, 1, 1, 1, 1, 1, 1, 1, 1}
	got := make([]float32, 9)
	pad := make([]float32, padLen(Shape{1, 3, 3}, false))
	acc := make([]float32, accLen(Shape{1, 3, 3}, false))
	conv3x3(got, in, Shape{1, 3, 3}, w, []float32{0.5}, 1, false, ActNone, pad, acc)
	assert.Equal(t, []float32{4.5, 6.5, 4.5, 6.5, 9.5, 6.5, 4.5, 6.5, 4.5}, got)
	valid := make([]float32, 1)
	conv3x3(valid, in, Shape{1, 3, 3}, w, []float32{-10}, 1, true, ActReLU, pad, acc)
	assert.Equal(t, []float32{0}, valid, "9-10 = -1 clipped by ReLU")
}

func TestMaxPoolSameRoundsUp(t *testing.T) {
	in := []float32{
		1, 2, 3,
		4, 5, 6,
		7, 8, -9,
	}
	got := make([]float32, 4)
	maxPool2x2(got, in, Shape{1, 3, 3})
	assert.Equal(t, []float32{5, 6, 8, -9}, got, "edge windows cover only the cells inside")
}

func TestUpsampleNearest(t *testing.T) {
	in := []float32{1, 2, 3, 4, 5, 6, 7, 8} // two channels of 2×2
	got := make([]float32, 32)
	upsample2x(got, in, Shape{2, 2, 2})
	assert.Equal(t, []float32{
		1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4,
		5, 5, 6, 6, 5, 5, 6, 6, 7, 7, 8, 8, 7, 7, 8, 8,
	}, got)
}

func TestMaxPoolMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, s := range []Shape{{16, 28, 28}, {8, 7, 7}, {3, 5, 8}, {2, 8, 5}, {1, 1, 1}, {4, 1, 6}} {
		in := randSlice(r, s.Len())
		n := s.C * ((s.H + 1) / 2) * ((s.W + 1) / 2)
		want, got := make([]float32, n), make([]float32, n)
		maxPool2x2Ref(want, in, s)
		maxPool2x2(got, in, s)
		assert.Equal(t, want, got, "%s", s)
	}
}
