//go:build gotch

package torchnet

import (
	"flag"
	"fmt"
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

func maxAbsDiff(a, b []float32) float64 {
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(float64(a[i]-b[i])))
	}
	return d
}

// torchTrace runs x (n images) through a libtorch module holding params
// and returns every layer's outputs (see Net.Trace).
func torchTrace(t *testing.T, arch nn.Arch, params map[string]nn.Tensor, x []float32, n int) [][]float32 {
	vs := gnn.NewVarStore(gotch.CPU)
	net, err := New(vs, arch)
	require.NoError(t, err)
	require.NoError(t, SetParams(vs, params))
	in := toTensor(x, int64(n), 1, 28, 28)
	defer in.MustDrop()
	var trace [][]float32
	NoGrad(func() { trace = net.Trace(in) })
	return trace
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

// TestParityWithLibtorch checks libtorch and nn layer by layer against the
// model's definition (nn.Model.CheckTrace): each layer of each within the
// float32 rounding bound of that layer, on random and trained weights, for
// the autoencoders and the digit reader.
func TestParityWithLibtorch(t *testing.T) {
	const n = 64
	x := testInputs(t, n)
	type set struct {
		arch   nn.Arch
		params map[string]nn.Tensor
	}
	dae, reader := nn.DefaultArch(), nn.ClassifierArch()
	sets := map[string]set{
		"random seed 1":               {dae, nn.RandomParams(dae, 1)},
		"random seed 2":               {dae, nn.RandomParams(dae, 2)},
		"random seed 3 ×4":            {dae, scaled(nn.RandomParams(dae, 3), 4)},
		"digit reader, random seed 1": {reader, nn.RandomParams(reader, 1)},
		"digit reader, random ×4":     {reader, scaled(nn.RandomParams(reader, 2), 4)},
	}
	for _, file := range []string{"dae", "ae", "classifier", "strong"} {
		f, err := weights.Read(filepath.Join("..", "..", "weights", file+".safetensors"))
		require.NoError(t, err)
		sets["shipped "+file] = set{f.Arch, f.Tensors}
	}
	for name, s := range sets {
		m, err := nn.New(s.arch, s.params)
		require.NoError(t, err)
		libtorch, err := m.CheckTrace("libtorch ("+Machine()+")", x, torchTrace(t, s.arch, s.params, x, n))
		require.NoError(t, err, name)
		engine, err := m.NewWorkspace().Trace(x)
		require.NoError(t, err)
		used, err := m.CheckTrace("nn", x, engine)
		require.NoError(t, err, name)
		t.Logf("%s: share of the rounding bounds used: libtorch %.2f%%, nn %.2f%%", name, 100*libtorch, 100*used)
		out := engine[len(engine)-1]
		if s.arch.IsAutoencoder() {
			assert.Greater(t, maxAbsDiff(out, x[:len(out)]), 0.01, "%s: outputs are not a copy of the inputs", name)
		} else {
			assert.Greater(t, spread(out), 0.01, "%s: the probabilities vary", name)
		}
	}
}

func spread(v []float32) float64 {
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return float64(hi - lo)
}

// Weights made by libtorch, written by the weights package and read back
// are bit-identical, and load back into libtorch unchanged: for the
// autoencoder and for the digit reader (whose dense weight libtorch keeps
// transposed).
func TestWeightsRoundTripFromLibtorch(t *testing.T) {
	for _, arch := range []nn.Arch{nn.DefaultArch(), nn.ClassifierArch()} {
		weightsRoundTrip(t, arch)
	}
}

func weightsRoundTrip(t *testing.T, arch nn.Arch) {
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

// goldenFixtures are the fixtures in nn/testdata, by name, and the
// architecture each holds.
var goldenFixtures = map[string]nn.Arch{"golden": nn.DefaultArch(), "golden_classifier": nn.ClassifierArch()}

// TestGoldenFixture checks libtorch on this machine against the model's
// definition for the committed fixtures' weights and inputs and, with
// -update-golden, first rewrites the fixtures from libtorch's outputs: the
// inputs, and the outputs of the layers nn.Workspace.Trace reports but for
// the upsamplings and flattenings (copies), which nn's TestGoldenFixture
// checks on any machine.
func TestGoldenFixture(t *testing.T) {
	const n = 4
	dir := filepath.Join("..", "..", "nn", "testdata")
	for name, arch := range goldenFixtures {
		if *updateGolden {
			params := scaled(nn.RandomParams(arch, 42), 4)
			x := testInputs(t, n)
			trace := torchTrace(t, arch, params, x, n)
			meta := map[string]string{"source": "libtorch 1.13.1 through gotch v0.7.0 (train/torchnet TestGoldenFixture) on " + Machine()}
			require.NoError(t, weights.Write(filepath.Join(dir, name+".safetensors"), arch, params, meta))
			shapes, err := arch.Shapes()
			require.NoError(t, err)
			layers := append(append([]nn.Layer(nil), arch.Encoder...), arch.Decoder...)
			tensors := map[string]nn.Tensor{"input": {Shape: []int{n, 1, 28, 28}, Data: x}}
			for i, l := range layers {
				fused := l.Kind == nn.KindConv && i+1 < len(layers) && layers[i+1].Kind == nn.KindMaxPool
				if l.Kind == nn.KindUpsample || l.Kind == nn.KindFlatten || fused {
					continue
				}
				s := shapes[i+1]
				tensors[fmt.Sprintf("layer%02d", i)] = nn.Tensor{Shape: []int{n, s.C, s.H, s.W}, Data: trace[i]}
			}
			io, err := weights.EncodeTensors(tensors, meta)
			require.NoError(t, err)
			require.NoError(t, renameio.WriteFile(filepath.Join(dir, name+"_io.safetensors"), io, 0o644))
		}
		f, err := weights.Read(filepath.Join(dir, name+".safetensors"))
		require.NoError(t, err)
		raw, err := os.ReadFile(filepath.Join(dir, name+"_io.safetensors"))
		require.NoError(t, err)
		io, _, err := weights.ParseTensors(raw)
		require.NoError(t, err)
		x := io["input"].Data
		used, err := f.Model.CheckTrace("libtorch ("+Machine()+")", x, torchTrace(t, arch, f.Tensors, x, n))
		require.NoError(t, err, name)
		t.Logf("%s: libtorch used %.2f%% of its rounding bounds", name, 100*used)
	}
}
