package nn

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// sigmoid runs sigmoids on one value.
func sigmoid(v float32) float32 {
	x := []float32{v}
	sigmoids(x)
	return x[0]
}

// exactSigmoid is the definition, through math.Exp.
func exactSigmoid(v float32) float32 {
	return float32(1 / (1 + math.Exp(-float64(v))))
}

func TestSigmoidWithinOneUlp(t *testing.T) {
	worst := 0.0
	for v := float32(-120); v <= 120; v += 1.0 / 4096 {
		got, want := sigmoid(v), exactSigmoid(v)
		ulp := float64(math.Nextafter32(want, 2) - want)
		if want == 1 {
			ulp = float64(want - math.Nextafter32(want, 0))
		}
		if d := math.Abs(float64(got-want)) / ulp; d > worst {
			worst = d
		}
	}
	assert.LessOrEqual(t, worst, 1.0, "worst error in float32 ulps")
}

func TestSigmoidEdges(t *testing.T) {
	assert.Equal(t, float32(0.5), sigmoid(0))
	assert.Equal(t, float32(1), sigmoid(1e30))
	assert.Equal(t, float32(0), sigmoid(-1e30))
	assert.Equal(t, float32(1), sigmoid(float32(math.Inf(1))))
	assert.Equal(t, float32(0), sigmoid(float32(math.Inf(-1))))
	assert.True(t, math.IsNaN(float64(sigmoid(float32(math.NaN())))))
}
