package classic

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/godae/dae/quality"
)

// gaussian writes clip(src + factor·N(0,1), 0, 1) to dst, seeded. (Package
// noise has this, but noise blurs with this package, so its tests cannot
// use noise.)
func gaussian(dst, src []float32, factor float64, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 1))
	for i, v := range src {
		dst[i] = float32(math.Max(0, math.Min(1, float64(v)+factor*r.NormFloat64())))
	}
}

func constant(n int, v float32) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// A constant image is a fixed point of every method.
func TestConstantImageIsKept(t *testing.T) {
	src := constant(28*28, 0.3)
	for _, m := range Methods {
		dst := make([]float32, len(src))
		m.Apply(dst, src, 28, 28, m.Grid[len(m.Grid)/2])
		assert.InDeltaSlice(t, src, dst, 1e-5, m.Name)
	}
}

func TestMedianRemovesSaltAndKnownValue(t *testing.T) {
	src := constant(25, 0)
	src[12] = 1 // one hot pixel in the centre of a 5×5 image
	dst := make([]float32, 25)
	Median(dst, src, 5, 5, 1)
	assert.Equal(t, constant(25, 0), dst)
}

func TestGaussianBlurPreservesMass(t *testing.T) {
	src := constant(21*21, 0)
	src[10*21+10] = 1
	dst := make([]float32, len(src))
	GaussianBlur(dst, src, 21, 21, 1)
	var sum float32
	for _, v := range dst {
		sum += v
	}
	assert.InDelta(t, 1, sum, 1e-5, "an impulse far from the edges keeps its mass")
	assert.InDelta(t, 0.159, dst[10*21+10], 0.002, "peak of a unit 2D Gaussian: 1/(2πσ²)")
}

func TestReflect(t *testing.T) {
	got := []int{}
	for i := -3; i < 7; i++ {
		got = append(got, reflect(i, 4))
	}
	assert.Equal(t, []int{2, 1, 0, 0, 1, 2, 3, 3, 2, 1}, got)
}

// Every method makes a noisy smooth image closer to the clean one.
func TestMethodsDenoise(t *testing.T) {
	clean := make([]float32, 28*28)
	for y := 0; y < 28; y++ {
		for x := 0; x < 28; x++ {
			if x >= 8 && x < 20 && y >= 6 && y < 22 {
				clean[y*28+x] = 1
			}
		}
	}
	noisy := make([]float32, len(clean))
	gaussian(noisy, clean, 0.3, 5)
	before := quality.PSNR(clean, noisy)
	for _, m := range Methods {
		dst := make([]float32, len(clean))
		m.Apply(dst, noisy, 28, 28, m.Grid[1])
		after := quality.PSNR(clean, dst)
		t.Logf("%s: %.2f → %.2f dB", m.Name, before, after)
		assert.Greater(t, after, before+1, m.Name)
	}
}

// NLMeans, offset by offset, computes what its definition does.
func TestNLMeansMatchesReference(t *testing.T) {
	for _, size := range [][2]int{{28, 28}, {9, 13}, {3, 5}} {
		h, w := size[0], size[1]
		clean := constant(h*w, 0)
		for i := range clean {
			clean[i] = float32(i%7) / 7
		}
		src := make([]float32, len(clean))
		gaussian(src, clean, 0.3, 5)
		for _, hp := range []float64{0.08, 0.3} {
			want, got := make([]float32, h*w), make([]float32, h*w)
			nlMeansRef(want, src, h, w, hp)
			NLMeans(got, src, h, w, hp)
			assert.InDeltaSlice(t, want, got, 1e-6, "%d×%d, h=%g", h, w, hp)
		}
	}
}

func TestExpNeg(t *testing.T) {
	worst := 0.0
	for x := 0.0; x <= 700; x += 0.001 {
		worst = math.Max(worst, math.Abs(expNeg(x)-math.Exp(-x))/math.Exp(-x))
	}
	assert.Less(t, worst, 1e-8, "relative error")
	assert.Equal(t, 1.0, expNeg(0))
	assert.Zero(t, expNeg(701))
}
