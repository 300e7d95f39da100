package reader

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
)

func TestOf(t *testing.T) {
	assert.Equal(t, Reading{Digit: 3, P: 0.75}, Of([]float32{0, 0, 0, 0.75, 0, 0, 0, 0, 0.25, 0}))
	assert.Equal(t, 0, Of([]float32{0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0}).Digit, "the first of equals")
	assert.Equal(t, "7 (41 %)", Reading{Digit: 7, P: 0.41}.String())
}

// The reading of the sums before the softmax: their softmax's most
// probable digit, and that digit's sum.
func TestOfSums(t *testing.T) {
	z := []float32{1, 2, 0, 5, -1, 0, 0, 0, 4, 0}
	r := OfSums(z)
	assert.Equal(t, 3, r.Digit)
	assert.Equal(t, 5.0, r.Score)
	assert.True(t, r.Scored)
	assert.False(t, r.Faint())
	assert.True(t, OfSums([]float32{1, 2, 0, 2.4, -1, 0, 0, 0, 1, 0}).Faint(), "2.4, under Faint")
	assert.False(t, Of([]float32{0, 0, 0, 1, 0, 0, 0, 0, 0, 0}).Faint(), "not scored: not faint")
	var total float64
	for _, v := range z {
		total += math.Exp(float64(v))
	}
	assert.InDelta(t, math.Exp(5)/total, r.P, 1e-7)
	assert.Equal(t, []float32{1, 2, 0, 5, -1, 0, 0, 0, 4, 0}, z, "the sums are left as they were")
}

func TestCheck(t *testing.T) {
	m, err := nn.New(nn.ClassifierArch(), nn.RandomParams(nn.ClassifierArch(), 1))
	require.NoError(t, err)
	assert.NoError(t, Check(m))
	dae, err := nn.New(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1))
	require.NoError(t, err)
	assert.EqualError(t, Check(dae), "the digit reader takes 1×28×28 images to 8×4×4; a reader takes 1×28×28 images to 10 probabilities")
	// Ten sums with no softmax: no probabilities.
	a := nn.ClassifierArch()
	a.Encoder[len(a.Encoder)-1].Activation = nn.ActNone
	sums, err := nn.New(a, nn.RandomParams(a, 1))
	require.NoError(t, err)
	assert.EqualError(t, Check(sums), `the digit reader's last layer ends in "none"; a reader's ends in "softmax", which gives the probabilities`)
}
