package nn_test

import (
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/weights"
)

// TestGoldenFixture checks the engine against outputs libtorch computed for
// the committed weights and inputs (written by train/torchnet's
// TestGoldenFixture -update-golden), so parity is checked even where
// libtorch is not installed.
func TestGoldenFixture(t *testing.T) {
	f, err := weights.Read("testdata/golden.safetensors")
	require.NoError(t, err)
	raw, err := os.ReadFile("testdata/golden_io.safetensors")
	require.NoError(t, err)
	io, _, err := weights.ParseTensors(raw)
	require.NoError(t, err)

	in, latent, want := io["input"].Data, io["latent"].Data, io["output"].Data
	require.Equal(t, 4*784, len(in))
	ws := f.Model.NewWorkspace()
	codes := make([]float32, len(latent))
	out := make([]float32, len(want))
	require.NoError(t, ws.EncodeBatch(codes, in))
	require.NoError(t, ws.DenoiseBatch(out, in))
	for i := range codes {
		require.InDelta(t, latent[i], codes[i], 1e-5, "latent[%d]", i)
	}
	for i := range out {
		require.InDelta(t, want[i], out[i], 1e-5, "output[%d]", i)
	}
	spread := 0.0
	for i := range out {
		spread = math.Max(spread, math.Abs(float64(out[i]-out[0])))
	}
	assert.Greater(t, spread, 1e-3, "the fixture's outputs are not constant")
}
