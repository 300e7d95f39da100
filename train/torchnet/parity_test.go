//go:build gotch

package torchnet

import (
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/renameio/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite the golden fixture in nn/testdata from libtorch's outputs")

// parityTol is the largest difference allowed between libtorch and nn.
const parityTol = 1e-5

// testInputs returns n images (n even): n/2 uniform noise, then n/2 MNIST
// test digits with Gaussian noise of factor 0.5, clipped to [0,1].
func testInputs(t *testing.T, n int) []float32 {
	r := rand.New(rand.NewPCG(11, 12))
	out := make([]float32, 0, n*784)
	for i := 0; i < n/2*784; i++ {
		out = append(out, r.Float32())
	}
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	set, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	for i := 0; i < n/2; i++ {
		for _, v := range set.Image(nil, i) {
			out = append(out, float32(math.Min(1, math.Max(0, float64(v)+0.5*r.NormFloat64()))))
		}
	}
	return out
}

func toTensor(x []float32, shape ...int64) *ts.Tensor {
	return ts.MustOfSlice(x).MustView(shape, true)
}

func values(t *ts.Tensor) []float32 {
	v := make([]float32, t.Numel())
	t.MustCopyData(v, t.Numel())
	return v
}

func maxAbsDiff(a, b []float32) float64 {
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(float64(a[i]-b[i])))
	}
	return d
}

// torchOutputs runs x (n images) through a libtorch module holding params
// and returns its latent codes and reconstructions.
func torchOutputs(t *testing.T, arch nn.Arch, params map[string]nn.Tensor, x []float32, n int) (codes, outs []float32) {
	vs := gnn.NewVarStore(gotch.CPU)
	net, err := New(vs, arch)
	require.NoError(t, err)
	require.NoError(t, SetParams(vs, params))
	in := toTensor(x, int64(n), 1, 28, 28)
	defer in.MustDrop()
	NoGrad(func() {
		z := net.Encode(in)
		y := net.Forward(in)
		codes, outs = values(z), values(y)
		z.MustDrop()
		y.MustDrop()
	})
	return codes, outs
}

// scaled multiplies every parameter by k: with PyTorch's default range the
// outputs sit in sigmoid's flat middle, and larger weights make them vary.
func scaled(params map[string]nn.Tensor, k float32) map[string]nn.Tensor {
	for _, p := range params {
		for i := range p.Data {
			p.Data[i] *= k
		}
	}
	return params
}

func TestParityWithLibtorch(t *testing.T) {
	const n = 64
	arch := nn.DefaultArch()
	x := testInputs(t, n)
	for _, seed := range []uint64{1, 2, 3} {
		params := nn.RandomParams(arch, seed)
		if seed == 3 {
			params = scaled(params, 4)
		}
		codes, outs := torchOutputs(t, arch, params, x, n)

		m, err := nn.New(arch, params)
		require.NoError(t, err)
		ws := m.NewWorkspace()
		gotCodes := make([]float32, len(codes))
		gotOuts := make([]float32, len(outs))
		require.NoError(t, ws.EncodeBatch(gotCodes, x))
		require.NoError(t, ws.DenoiseBatch(gotOuts, x))
		dc, do := maxAbsDiff(codes, gotCodes), maxAbsDiff(outs, gotOuts)
		t.Logf("seed %d: max |Δ| encode %.2e, denoise %.2e", seed, dc, do)
		assert.LessOrEqual(t, dc, parityTol, "Encode")
		assert.LessOrEqual(t, do, parityTol, "Denoise")
		assert.Greater(t, maxAbsDiff(outs, x[:len(outs)]), 0.01, "outputs are not a copy of the inputs")
	}
}

// Weights made by libtorch, written by the weights package and read back
// are bit-identical, and load back into libtorch unchanged.
func TestWeightsRoundTripFromLibtorch(t *testing.T) {
	arch := nn.DefaultArch()
	vs := gnn.NewVarStore(gotch.CPU)
	_, err := New(vs, arch)
	require.NoError(t, err)
	params, err := Params(vs, arch)
	require.NoError(t, err)

	path := filepath.Join(t.TempDir(), "w.safetensors")
	require.NoError(t, weights.Write(path, arch, params, nil))
	f, err := weights.Read(path)
	require.NoError(t, err)
	for name, p := range params {
		got := f.Tensors[name]
		require.Equal(t, p.Shape, got.Shape, name)
		for i := range p.Data {
			require.Equal(t, math.Float32bits(p.Data[i]), math.Float32bits(got.Data[i]), "%s[%d]", name, i)
		}
	}

	vs2 := gnn.NewVarStore(gotch.CPU)
	_, err = New(vs2, arch)
	require.NoError(t, err)
	require.NoError(t, SetParams(vs2, f.Tensors))
	back, err := Params(vs2, arch)
	require.NoError(t, err)
	assert.Equal(t, params, back)
}

// TestGoldenFixture checks the committed fixture still matches libtorch and,
// with -update-golden, rewrites it.
func TestGoldenFixture(t *testing.T) {
	const n = 4
	dir := filepath.Join("..", "..", "nn", "testdata")
	arch := nn.DefaultArch()
	if *updateGolden {
		params := scaled(nn.RandomParams(arch, 42), 4)
		x := testInputs(t, n)
		codes, outs := torchOutputs(t, arch, params, x, n)
		meta := map[string]string{"source": "libtorch " + "1.13.1 through gotch v0.7.0 (train/torchnet TestGoldenFixture)"}
		require.NoError(t, weights.Write(filepath.Join(dir, "golden.safetensors"), arch, params, meta))
		lat, err := arch.LatentShape()
		require.NoError(t, err)
		io, err := weights.EncodeTensors(map[string]nn.Tensor{
			"input":  {Shape: []int{n, 1, 28, 28}, Data: x},
			"latent": {Shape: []int{n, lat.C, lat.H, lat.W}, Data: codes},
			"output": {Shape: []int{n, 1, 28, 28}, Data: outs},
		}, meta)
		require.NoError(t, err)
		require.NoError(t, renameio.WriteFile(filepath.Join(dir, "golden_io.safetensors"), io, 0o644))
	}
	f, err := weights.Read(filepath.Join(dir, "golden.safetensors"))
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(dir, "golden_io.safetensors"))
	require.NoError(t, err)
	io, _, err := weights.ParseTensors(raw)
	require.NoError(t, err)
	codes, outs := torchOutputs(t, arch, f.Tensors, io["input"].Data, n)
	assert.LessOrEqual(t, maxAbsDiff(codes, io["latent"].Data), 1e-6, "libtorch still gives the fixture's codes")
	assert.LessOrEqual(t, maxAbsDiff(outs, io["output"].Data), 1e-6, "libtorch still gives the fixture's outputs")
}
