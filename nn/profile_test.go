package nn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfileLayersNamesEveryStep(t *testing.T) {
	m := defaultModel(t)
	ws := m.NewWorkspace()
	in := make([]float32, 784)
	times, err := ws.ProfileLayers(in, 20)
	require.NoError(t, err)
	require.Len(t, times, 10, "13 layers, of which three convolutions run their pooling")
	assert.Equal(t, "00-conv-1×28×28-to-16-same + 01-maxpool-16×28×28", times[0].Layer)
	assert.Equal(t, "06-conv-8×4×4-to-8-same", times[3].Layer)
	assert.Equal(t, "10-conv-8×16×16-to-16-valid", times[7].Layer)
	assert.Equal(t, "12-conv-16×28×28-to-1-same", times[9].Layer)
	assert.Positive(t, times[0].Time, "a 28×28 convolution takes measurable time")

	// The workspace still denoises correctly afterwards.
	want, got := make([]float32, 784), make([]float32, 784)
	require.NoError(t, m.NewWorkspace().Denoise(want, in))
	require.NoError(t, ws.Denoise(got, in))
	assert.Equal(t, want, got)
}

func TestProfileLayersRejectsBadArguments(t *testing.T) {
	ws := defaultModel(t).NewWorkspace()
	_, err := ws.ProfileLayers(make([]float32, 10), 1)
	assert.ErrorContains(t, err, "input has 10 values, want 784")
	_, err = ws.ProfileLayers(make([]float32, 784), 0)
	assert.ErrorContains(t, err, "reps is 0")
}
