package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// naiveConv is the textbook definition of a 3×3, stride 1 convolution:
// out(o,y,x) = act(b(o) + Σ_c,ky,kx w(o,c,ky,kx)·in(c, y+ky-pad, x+kx-pad)),
// with in = 0 outside the image. It is the reference conv3x3 must match.
func naiveConv(in []float32, s Shape, w, b []float32, o int, valid bool, act string) []float32 {
	pad, oh, ow := 1, s.H, s.W
	if valid {
		pad, oh, ow = 0, s.H-2, s.W-2
	}
	out := make([]float32, o*oh*ow)
	for oc := 0; oc < o; oc++ {
		for y := 0; y < oh; y++ {
			for x := 0; x < ow; x++ {
				sum := float64(b[oc])
				for c := 0; c < s.C; c++ {
					for ky := 0; ky < 3; ky++ {
						for kx := 0; kx < 3; kx++ {
							iy, ix := y+ky-pad, x+kx-pad
							if iy < 0 || iy >= s.H || ix < 0 || ix >= s.W {
								continue
							}
							sum += float64(w[((oc*s.C+c)*3+ky)*3+kx]) * float64(in[(c*s.H+iy)*s.W+ix])
						}
					}
				}
				switch act {
				case ActReLU:
					sum = math.Max(0, sum)
				case ActSigmoid:
					sum = 1 / (1 + math.Exp(-sum))
				}
				out[(oc*oh+y)*ow+x] = float32(sum)
			}
		}
	}
	return out
}

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
	}
	return s
}

func TestConv3x3MatchesDefinition(t *testing.T) {
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
		conv3x3(got, in, tc.s, w, b, tc.o, tc.valid, tc.act)
		assert.InDeltaSlice(t, want, got, 1e-5, "%+v", tc)
	}
}

func TestConv3x3KnownValues(t *testing.T) {
	// A 3×3 image of ones convolved with a kernel of ones: each output
	// counts the input cells its window covers, plus the bias 0.5.
	in := []float32{1, 1, 1, 1, 1, 1, 1, 1, 1}
	w := []float32{1, 1, 1, 1, 1, 1, 1, 1, 1}
	got := make([]float32, 9)
	conv3x3(got, in, Shape{1, 3, 3}, w, []float32{0.5}, 1, false, ActNone)
	assert.Equal(t, []float32{4.5, 6.5, 4.5, 6.5, 9.5, 6.5, 4.5, 6.5, 4.5}, got)
	valid := make([]float32, 1)
	conv3x3(valid, in, Shape{1, 3, 3}, w, []float32{-10}, 1, true, ActReLU)
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
