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

	// A softmax that ends a decoder is left out too.
	d := Arch{Input: Shape{10, 1, 1}, Encoder: []Layer{{Kind: KindDense, Out: 6, Activation: ActReLU}}, Decoder: []Layer{{Kind: KindDense, Out: 10, Activation: ActSoftmax}}}
	dm, err := New(d, RandomParams(d, 4))
	require.NoError(t, err)
	dl, ok := dm.Logits()
	require.True(t, ok)
	assert.Equal(t, ActNone, dl.Arch().Decoder[0].Activation)
	assert.Equal(t, ActReLU, dl.Arch().Encoder[0].Activation, "the encoder as it was")
	x := randSlice(r, 10)
	probs, z := make([]float32, 10), make([]float32, 10)
	require.NoError(t, dm.NewWorkspace().Denoise(probs, x))
	require.NoError(t, dl.NewWorkspace().Denoise(z, x))
	outs, err := dl.NewWorkspace().Trace(x)
	require.NoError(t, err)
	_, err = dl.CheckTrace("decoder's logits", x, outs)
	require.NoError(t, err)
	Softmax(z)
	assert.Equal(t, probs, z, "the decoder's probabilities, to the bit")

	ae, err := New(DefaultArch(), RandomParams(DefaultArch(), 1))
	require.NoError(t, err)
	_, ok = ae.Logits()
	assert.False(t, ok, "an autoencoder ends in a sigmoid, not a softmax")
}
