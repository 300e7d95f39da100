package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultModel(t testing.TB) *Model {
	m, err := New(DefaultArch(), RandomParams(DefaultArch(), 1))
	require.NoError(t, err)
	return m
}

func TestEncodeDecodeDenoiseAgree(t *testing.T) {
	m := defaultModel(t)
	ws := m.NewWorkspace()
	r := rand.New(rand.NewPCG(3, 4))
	img := make([]float32, 784)
	for i := range img {
		img[i] = r.Float32()
	}
	code := make([]float32, m.LatentShape().Len())
	require.NoError(t, ws.Encode(code, img))

	dec := make([]float32, 784)
	require.NoError(t, ws.Decode(dec, code))
	den := make([]float32, 784)
	require.NoError(t, ws.Denoise(den, img))
	assert.Equal(t, dec, den, "Denoise is Decode∘Encode")
	trace, err := ws.Trace(img)
	require.NoError(t, err)
	assert.Equal(t, code, trace[m.nEnc-1], "Trace runs the steps Encode runs")
	assert.Equal(t, den, trace[len(trace)-1], "Trace runs the steps Denoise runs")
	used, err := m.CheckTrace("the engine", img, trace)
	assert.NoError(t, err)
	t.Logf("the engine used %.2f%% of its rounding bounds", 100*used)
	for _, v := range den {
		require.True(t, v >= 0 && v <= 1, "sigmoid output %v out of [0,1]", v)
	}

	require.NoError(t, ws.Denoise(img, img), "in place")
	assert.Equal(t, den, img)
}

func TestBatchEqualsSingles(t *testing.T) {
	m := defaultModel(t)
	ws := m.NewWorkspace()
	r := rand.New(rand.NewPCG(5, 6))
	const n = 5
	batch := randSlice(r, n*784)
	out := make([]float32, n*784)
	require.NoError(t, ws.DenoiseBatch(out, batch))
	codes := make([]float32, n*128)
	require.NoError(t, ws.EncodeBatch(codes, batch))
	decoded := make([]float32, n*784)
	require.NoError(t, ws.DecodeBatch(decoded, codes))
	assert.Equal(t, out, decoded)
	for i := 0; i < n; i++ {
		one := make([]float32, 784)
		require.NoError(t, ws.Denoise(one, batch[i*784:(i+1)*784]))
		assert.Equal(t, one, out[i*784:(i+1)*784], "image %d", i)
	}
}

func TestWrongSizesAreErrors(t *testing.T) {
	ws := defaultModel(t).NewWorkspace()
	err := ws.Denoise(make([]float32, 784), make([]float32, 783))
	assert.EqualError(t, err, "input has 783 values, want a positive multiple of 784 (1×28×28 per item)")
	err = ws.DenoiseBatch(make([]float32, 784), make([]float32, 2*784))
	assert.EqualError(t, err, "output has 784 values, want 1568 (2 × 1×28×28)")
	assert.Error(t, ws.Encode(make([]float32, 128), nil))
	assert.Error(t, ws.Decode(make([]float32, 784), make([]float32, 784)))
}

func TestDenoiseAllocatesNothing(t *testing.T) {
	m := defaultModel(t)
	ws := m.NewWorkspace()
	in, out := make([]float32, 784), make([]float32, 784)
	allocs := testing.AllocsPerRun(10, func() {
		if err := ws.Denoise(out, in); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

func TestNewRejectsBadParams(t *testing.T) {
	a := DefaultArch()
	cases := map[string]struct {
		edit func(map[string]Tensor)
		msg  string
	}{
		"missing": {func(p map[string]Tensor) { delete(p, "decoder.9.bias") },
			`tensor "decoder.9.bias" is missing (shape [1] expected)`},
		"prefixed": {func(p map[string]Tensor) {
			p["module.encoder.0.weight"] = p["encoder.0.weight"]
			delete(p, "encoder.0.weight")
		},
			`tensor "encoder.0.weight" is missing (shape [16 1 3 3] expected); the file has "module.encoder.0.weight": save the model's own tensors, without the prefix`},
		"extra": {func(p map[string]Tensor) { p["decoder.11.weight"] = Tensor{Shape: []int{1}, Data: []float32{0}} },
			`tensors "decoder.11.weight" are not part of the architecture`},
		"misshaped": {func(p map[string]Tensor) {
			p["encoder.0.weight"] = Tensor{Shape: []int{16, 1, 9}, Data: make([]float32, 144)}
		},
			`tensor "encoder.0.weight" has shape [16 1 9], the architecture needs [16 1 3 3]`},
		"short data": {func(p map[string]Tensor) { p["encoder.0.bias"] = Tensor{Shape: []int{16}, Data: make([]float32, 15)} },
			`tensor "encoder.0.bias" has 15 values, shape [16] needs 16`},
		"nan": {func(p map[string]Tensor) { p["encoder.3.weight"].Data[7] = float32(math.NaN()) },
			`tensor "encoder.3.weight" has the non-finite value NaN at index 7`},
		"inf": {func(p map[string]Tensor) { p["decoder.0.bias"].Data[2] = float32(math.Inf(-1)) },
			`tensor "decoder.0.bias" has the non-finite value -Inf at index 2`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := RandomParams(a, 1)
			c.edit(p)
			_, err := New(a, p)
			assert.EqualError(t, err, c.msg)
		})
	}
}
