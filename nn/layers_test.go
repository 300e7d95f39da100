package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		act   Activation
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
		want := conv3x3Ref(exactly(in), tc.s, w, b, tc.o, tc.valid, tc.act)
		os := Shape{tc.o, tc.s.H, tc.s.W}
		if tc.valid {
			os = Shape{tc.o, tc.s.H - 2, tc.s.W - 2}
		}
		for _, inPadded := range []bool{false, true} {
			if inPadded && tc.valid {
				continue // only a 'same' convolution reads padded input
			}
			src := in
			if inPadded {
				src = toPadded(in, tc.s)
			}
			for _, lo := range []layout{compact(os), padded(os)} {
				got := nanSlice(lo.len(os.C) + slack)
				// Scratch left dirty by an earlier layer must not leak into the output.
				pad, acc := nanSlice(padLen(tc.s, tc.valid)), nanSlice(accLen(tc.s, tc.valid))
				conv3x3(got, src, convStep(tc.s, w, b, tc.o, tc.valid, tc.act, inPadded, false, lo), pad, acc)
				_, err := want.check(fromLayout(t, got, os, lo))
				assert.NoError(t, err, "%+v, input padded %v, output %+v", tc, inPadded, lo)
			}
			if tc.act == ActSigmoid {
				continue // the pooling runs in the convolution's pass only after ReLU or none
			}
			ps := Shape{os.C, (os.H + 1) / 2, (os.W + 1) / 2}
			pooled := maxPool2x2BoundedRef(want, os)
			for _, lo := range []layout{compact(ps), padded(ps)} {
				got := nanSlice(lo.len(ps.C) + slack)
				pad, acc := nanSlice(padLen(tc.s, tc.valid)), nanSlice(accLen(tc.s, tc.valid))
				conv3x3(got, src, convStep(tc.s, w, b, tc.o, tc.valid, tc.act, inPadded, true, lo), pad, acc)
				_, err := pooled.check(fromLayout(t, got, ps, lo))
				assert.NoError(t, err, "%+v pooled, input padded %v, output %+v", tc, inPadded, lo)
			}
		}
	}
}

// convStep is a convolution step on input shape s writing layout lo, with
// the max pooling after it when pool.
func convStep(s Shape, w, b []float32, o int, valid bool, act Activation, inPadded, pool bool, lo layout) *step {
	padding := PaddingSame
	if valid {
		padding = PaddingValid
	}
	l := &layer{Layer: conv(o, padding, act), in: s, w: w, b: b}
	st := &step{layer: l, inPadded: inPadded, lo: lo}
	if pool {
		st.pool = &layer{Layer: Layer{Kind: KindMaxPool}}
	}
	return st
}

// toPadded lays in, of shape s, out padded as a layer before a 'same'
// convolution writes it, with NaNs in the slack after it.
func toPadded(in []float32, s Shape) []float32 {
	out := nanSlice(padded(s).len(s.C) + slack)
	padCopy(out[:padded(s).len(s.C)], in, s)
	return out
}

// fromLayout reads a map of shape s laid out in lo back to compact form,
// checking that a padded map's border is zero.
func fromLayout(t *testing.T, m []float32, s Shape, lo layout) []float32 {
	t.Helper()
	out := make([]float32, 0, s.Len())
	for c := 0; c < s.C; c++ {
		for y := 0; y < s.H; y++ {
			out = append(out, lo.row(m, c, y, s.W)...)
		}
	}
	if lo.isPadded() {
		for c := 0; c < s.C; c++ {
			for py := 0; py < s.H+2; py++ {
				for px := 0; px < s.W+2; px++ {
					if py == 0 || py == s.H+1 || px == 0 || px == s.W+1 {
						require.Zero(t, m[c*lo.plane+py*lo.stride+px], "border of channel %d at (%d,%d)", c, py, px)
					}
				}
			}
		}
	}
	return out
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
	conv3x3(got, in, convStep(Shape{1, 3, 3}, w, []float32{0.5}, 1, false, ActNone, false, false, compact(Shape{1, 3, 3})), pad, acc)
	assert.Equal(t, []float32{4.5, 6.5, 4.5, 6.5, 9.5, 6.5, 4.5, 6.5, 4.5}, got)
	valid := make([]float32, 1)
	conv3x3(valid, in, convStep(Shape{1, 3, 3}, w, []float32{-10}, 1, true, ActReLU, false, false, compact(Shape{1, 1, 1})), pad, acc)
	assert.Equal(t, []float32{0}, valid, "9-10 = -1 clipped by ReLU")
}

func TestMaxPoolSameRoundsUp(t *testing.T) {
	in := []float32{
		1, 2, 3,
		4, 5, 6,
		7, 8, -9,
	}
	got := make([]float32, 4)
	maxPool2x2(got, in, Shape{1, 3, 3}, compact(Shape{1, 2, 2}))
	assert.Equal(t, []float32{5, 6, 8, -9}, got, "edge windows cover only the cells inside")
}

func TestUpsampleNearest(t *testing.T) {
	in := []float32{1, 2, 3, 4, 5, 6, 7, 8} // two channels of 2×2
	got := make([]float32, 32)
	upsample2x(got, in, Shape{2, 2, 2}, compact(Shape{2, 4, 4}))
	want := []float32{
		1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4,
		5, 5, 6, 6, 5, 5, 6, 6, 7, 7, 8, 8, 7, 7, 8, 8,
	}
	assert.Equal(t, want, got)
	lo := padded(Shape{2, 4, 4})
	got = nanSlice(lo.len(2))
	upsample2x(got, in, Shape{2, 2, 2}, lo)
	assert.Equal(t, want, fromLayout(t, got, Shape{2, 4, 4}, lo))
}

func TestMaxPoolMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, s := range []Shape{{16, 28, 28}, {8, 7, 7}, {3, 5, 8}, {2, 8, 5}, {1, 1, 1}, {4, 1, 6}} {
		in := randSlice(r, s.Len())
		os := Shape{s.C, (s.H + 1) / 2, (s.W + 1) / 2}
		want := make([]float32, os.Len())
		maxPool2x2Ref(want, in, s)
		for _, lo := range []layout{compact(os), padded(os)} {
			got := nanSlice(lo.len(os.C))
			maxPool2x2(got, in, s, lo)
			assert.Equal(t, want, fromLayout(t, got, os, lo), "%s %+v", s, lo)
		}
	}
}

func TestOrderKeyIsTotalOrder(t *testing.T) {
	negNaN := math.Float32frombits(0xffc00000)
	posNaN := math.Float32frombits(0x7fc00000)
	inf := float32(math.Inf(1))
	ordered := []float32{negNaN, -inf, -3, -math.SmallestNonzeroFloat32, float32(math.Copysign(0, -1)), 0, math.SmallestNonzeroFloat32, 1, math.MaxFloat32, inf, posNaN}
	for i := 1; i < len(ordered); i++ {
		assert.Less(t, orderKey(ordered[i-1]), orderKey(ordered[i]), "%v before %v", ordered[i-1], ordered[i])
	}
	for _, v := range ordered {
		assert.Equal(t, math.Float32bits(v), math.Float32bits(fromOrderKey(orderKey(v))), "%v round trip", v)
	}
}

func TestMaxPoolSpecialValues(t *testing.T) {
	negZero := float32(math.Copysign(0, -1))
	posNaN := math.Float32frombits(0x7fc00000)
	in := []float32{
		negZero, 0, -1, -2, // window 1: -0 and +0 → +0; window 2: -1
		negZero, negZero, -3, posNaN, // window 2 has a NaN without the sign bit: it wins
	}
	got := make([]float32, 2)
	maxPool2x2(got, in, Shape{1, 2, 4}, compact(Shape{1, 1, 2}))
	assert.False(t, math.Signbit(float64(got[0])), "+0 is above -0")
	assert.True(t, math.IsNaN(float64(got[1])))
}
