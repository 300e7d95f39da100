package nn_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// The rounding bounds are tight enough to catch small real errors: a
// weight off by a thousandth of itself, a bias off by 1e-4, a kernel
// flipped (convolution instead of cross-correlation) in one layer.
func TestCheckTraceCatchesSmallErrors(t *testing.T) {
	f, err := weights.Read("../weights/dae.safetensors")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float32, 2*784)
	for i := range x {
		x[i] = r.Float32()
	}
	trace, err := f.Model.NewWorkspace().Trace(x)
	require.NoError(t, err)
	_, err = f.Model.CheckTrace("the shipped model", x, trace)
	require.NoError(t, err)

	for name, mutate := range map[string]func(p map[string]nn.Tensor){
		"a weight ×1.001": func(p map[string]nn.Tensor) { p["decoder.3.weight"].Data[100] *= 1.001 },
		"a bias +1e-4":    func(p map[string]nn.Tensor) { p["encoder.3.bias"].Data[2] += 1e-4 },
		"a flipped kernel": func(p map[string]nn.Tensor) {
			k := p["encoder.0.weight"].Data[9*5 : 9*6]
			slices.Reverse(k)
		},
	} {
		params := map[string]nn.Tensor{}
		for k, v := range f.Tensors {
			params[k] = nn.Tensor{Shape: v.Shape, Data: slices.Clone(v.Data)}
		}
		mutate(params)
		wrong, err := nn.New(f.Arch, params)
		require.NoError(t, err)
		trace, err := wrong.NewWorkspace().Trace(x)
		require.NoError(t, err)
		_, err = f.Model.CheckTrace(name, x, trace)
		assert.Error(t, err, name)
		t.Log(err)
	}
}
