package reader

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
)

func TestOf(t *testing.T) {
	assert.Equal(t, Reading{3, 0.75}, Of([]float32{0, 0, 0, 0.75, 0, 0, 0, 0, 0.25, 0}))
	assert.Equal(t, 0, Of([]float32{0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0}).Digit, "the first of equals")
	assert.Equal(t, "7 (41 %)", Reading{7, 0.41}.String())
}

func TestCheck(t *testing.T) {
	m, err := nn.New(nn.ClassifierArch(), nn.RandomParams(nn.ClassifierArch(), 1))
	require.NoError(t, err)
	assert.NoError(t, Check(m))
	dae, err := nn.New(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1))
	require.NoError(t, err)
	assert.EqualError(t, Check(dae), "the digit reader takes 1×28×28 images to 8×4×4; a reader takes 1×28×28 images to 10 probabilities")
}
