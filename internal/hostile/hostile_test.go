package hostile

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// The JPEG is one that Go's decoder reads: a black image of its size.
func TestProgressiveJPEGDecodes(t *testing.T) {
	img, err := jpeg.Decode(bytes.NewReader(ProgressiveJPEG(48, 40, 5)))
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 48, 40), img.Bounds())
	r, g, b, _ := img.At(20, 20).RGBA()
	assert.Equal(t, [3]uint32{r >> 8, g >> 8, b >> 8}, [3]uint32{128, 128, 128}, "all coefficients zero: mid grey")
}

// Weights makes files that only their architecture's cost refuses: for the
// seed architecture the same generator makes a file that loads.
func TestWeightsAreRefusedOnlyForTheirCost(t *testing.T) {
	data, err := Weights(nn.DefaultArch())
	require.NoError(t, err)
	f, err := weights.Parse(data)
	require.NoError(t, err)
	assert.NotNil(t, f.Model)
	for name, arch := range Architectures() {
		data, err := Weights(arch)
		require.NoError(t, err)
		_, err = weights.Parse(data)
		assert.ErrorContains(t, err, "the limit is", name)
		t.Logf("%s: %d KB, %v", name, len(data)>>10, err)
	}
}
