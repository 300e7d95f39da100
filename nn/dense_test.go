package nn

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDenseMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		in, out int
		act     Activation
	}{
		{1024, 10, ActSoftmax},
		{3136, 128, ActReLU},
		{7, 1, ActNone},
		{5, 3, ActSigmoid},
		{1, 1, ActSoftmax},
	} {
		x := randSlice(r, tc.in)
		l := &layer{Layer: Layer{Kind: KindDense, Out: tc.out, Activation: tc.act}, in: Shape{tc.in, 1, 1},
			w: randSlice(r, tc.out*tc.in), b: randSlice(r, tc.out)}
		want := denseRef(exactly(x), l.w, l.b, tc.out, tc.act)
		os := Shape{tc.out, 1, 1}
		for _, lo := range []layout{compact(os), padded(os)} {
			got := nanSlice(lo.len(os.C))
			dense(got, x, l, lo)
			_, err := want.check(fromLayout(t, got, os, lo))
			assert.NoError(t, err, "%+v, output %+v", tc, lo)
		}
	}
}

// A softmax of sums far apart neither overflows nor loses the small ones
// to a division by infinity, and its probabilities sum to 1.
func TestSoftmaxOfExtremeSums(t *testing.T) {
	for _, z := range [][]float32{{1000, 0, -1000}, {-1e30, -1e30}, {88, 89, 90, 91}, {3.4e38, -3.4e38, 0}} {
		out := slices.Clone(z)
		softmax(out, compact(Shape{len(z), 1, 1}), len(z))
		var sum float64
		for _, p := range out {
			require.False(t, math.IsNaN(float64(p)) || p < 0 || p > 1, "%v gives %v", z, out)
			sum += float64(p)
		}
		assert.InDelta(t, 1, sum, 1e-6, "%v gives %v", z, out)
		want := softmaxRef(exactly(z))
		_, err := want.check(out)
		assert.NoError(t, err, "%v", z)
	}
}

func TestFlattenKeepsTheOrder(t *testing.T) {
	s := Shape{2, 3, 2}
	in := []float32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	os := Shape{12, 1, 1}
	for _, lo := range []layout{compact(os), padded(os)} {
		out := nanSlice(lo.len(12))
		flatten(out, in, s, lo)
		assert.Equal(t, in, fromLayout(t, out, os, lo))
	}
}

// The digit reader's architecture: its parameters are named as the PyTorch
// module's (nn.Flatten and the activations count as modules), an image
// gives ten probabilities that sum to 1, the engine is within the
// reference's bounds layer by layer, and the bounds catch a small error in
// the dense layer.
func TestClassifierModel(t *testing.T) {
	a := ClassifierArch()
	var names []string
	for _, p := range a.Params() {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"encoder.0.weight", "encoder.0.bias", "encoder.3.weight", "encoder.3.bias",
		"encoder.6.weight", "encoder.6.bias", "encoder.10.weight", "encoder.10.bias"}, names)
	assert.Equal(t, []int{10, 1024}, a.Params()[6].Shape)
	assert.Equal(t, 33_546, a.NumParams())
	assert.False(t, a.IsAutoencoder())
	got, err := ParseArch([]byte(a.JSON()))
	require.NoError(t, err)
	assert.Equal(t, a, got)

	params := RandomParams(a, 7)
	m, err := New(a, params)
	require.NoError(t, err)
	assert.Equal(t, Shape{10, 1, 1}, m.LatentShape())
	r := rand.New(rand.NewPCG(5, 6))
	x := make([]float32, 3*784)
	for i := range x {
		x[i] = r.Float32()
	}
	ws := m.NewWorkspace()
	probs := make([]float32, 30)
	require.NoError(t, ws.EncodeBatch(probs, x))
	for i := 0; i < 3; i++ {
		var sum float64
		for _, p := range probs[10*i : 10*i+10] {
			sum += float64(p)
		}
		assert.InDelta(t, 1, sum, 1e-6)
	}
	assert.ErrorContains(t, ws.Denoise(make([]float32, 784), x[:784]), "the model is an encoder alone (its output is 10×1×1)")

	trace, err := ws.Trace(x)
	require.NoError(t, err)
	used, err := m.CheckTrace("the classifier", x, trace)
	require.NoError(t, err)
	t.Logf("largest share of a rounding bound used: %.2f", used)

	for name, mutate := range map[string]func(w, b []float32){
		"class 3's weights ×1.01": func(w, b []float32) {
			for i := range 1024 {
				w[3*1024+i] *= 1.01
			}
		},
		"class 3's bias +0.01": func(w, b []float32) { b[3] += 0.01 },
		"flattened as H, W, C": func(w, b []float32) { // the order Keras flattens in
			orig := slices.Clone(w)
			for o := range 10 {
				for c := range 64 {
					for p := range 16 {
						w[o*1024+p*64+c] = orig[o*1024+c*16+p]
					}
				}
			}
		},
	} {
		wrongParams := map[string]Tensor{}
		for k, v := range params {
			wrongParams[k] = Tensor{Shape: v.Shape, Data: slices.Clone(v.Data)}
		}
		mutate(wrongParams["encoder.10.weight"].Data, wrongParams["encoder.10.bias"].Data)
		wrong, err := New(a, wrongParams)
		require.NoError(t, err)
		trace, err = wrong.NewWorkspace().Trace(x)
		require.NoError(t, err)
		_, err = m.CheckTrace(name, x, trace)
		assert.Error(t, err, name)
		t.Log(err)
	}
}
