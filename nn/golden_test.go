package nn_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/weights"
)

// TestGoldenFixture checks the layer outputs libtorch computed for the
// committed weights and inputs on the machine that wrote them
// (train/torchnet's TestGoldenFixture -update-golden), and this engine's,
// against the model's definition within the rounding bound of each layer
// (nn.Model.CheckTrace), for the seed autoencoder's architecture and the
// digit reader's. Both must hold on any processor, so parity with libtorch
// is checked even where libtorch is not installed.
func TestGoldenFixture(t *testing.T) {
	// How many layer outputs each fixture holds: the pooled maps, the
	// convolutions not followed by pooling and the dense layers.
	for name, stored := range map[string]int{"golden": 7, "golden_classifier": 4} {
		f, err := weights.Read("testdata/" + name + ".safetensors")
		require.NoError(t, err)
		raw, err := os.ReadFile("testdata/" + name + "_io.safetensors")
		require.NoError(t, err)
		io, meta, err := weights.ParseTensors(raw)
		require.NoError(t, err)
		x := io["input"].Data
		require.Equal(t, 4*784, len(x))

		layers := len(f.Arch.Encoder) + len(f.Arch.Decoder)
		fixture := make([][]float32, layers)
		found := 0
		for i := range fixture {
			if v, ok := io[fmt.Sprintf("layer%02d", i)]; ok {
				fixture[i] = v.Data
				found++
			}
		}
		require.Equal(t, stored, found, name)
		used, err := f.Model.CheckTrace(name+" ("+meta["source"]+")", x, fixture)
		require.NoError(t, err)

		engine, err := f.Model.NewWorkspace().Trace(x)
		require.NoError(t, err)
		engineUsed, err := f.Model.CheckTrace("nn on "+runtime.GOARCH, x, engine)
		require.NoError(t, err)
		t.Logf("%s: share of the rounding bounds used: libtorch (fixture) %.2f%%, nn %.2f%%", name, 100*used, 100*engineUsed)

		out := fixture[layers-1]
		assert.Greater(t, spread(out), 1e-3, "%s: the fixture's outputs are not constant", name)
	}
}

func spread(v []float32) float64 {
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return float64(hi - lo)
}
