package nn

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The logits of a classifier are the sums its softmax takes: its dense
// layer with no activation, checked against the reference, and their
// softmax is the classifier's output to the bit; the classifier is left
// as it was.
func TestLogits(t *testing.T) {
	a := ClassifierArch()
	m, err := New(a, RandomParams(a, 3))
	require.NoError(t, err)
	l, ok := m.Logits()
	require.True(t, ok)
	assert.Equal(t, ActNone, l.Arch().Encoder[len(a.Encoder)-1].Activation)
	assert.Equal(t, ActSoftmax, m.Arch().Encoder[len(a.Encoder)-1].Activation, "the classifier keeps its softmax")

	mws, lws := m.NewWorkspace(), l.NewWorkspace()
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 5 {
		img := randSlice(r, a.Input.Len())
		probs, z := make([]float32, 10), make([]float32, 10)
		require.NoError(t, mws.Encode(probs, img))
		require.NoError(t, lws.Encode(z, img))
		outs, err := lws.Trace(img)
		require.NoError(t, err)
		_, err = l.CheckTrace("logits", img, outs)
		require.NoError(t, err, "the sums, as the reference computes them without a softmax")
		assert.Equal(t, z, outs[len(outs)-1])
		Softmax(z)
		assert.Equal(t, probs, z, "image %d: the classifier's probabilities, to the bit", i)
	}

	ae, err := New(DefaultArch(), RandomParams(DefaultArch(), 1))
	require.NoError(t, err)
	_, ok = ae.Logits()
	assert.False(t, ok, "an autoencoder ends in a sigmoid, not a softmax")
}
