package nn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultArchShapes(t *testing.T) {
	a := DefaultArch()
	shapes, err := a.Shapes()
	require.NoError(t, err)
	want := []Shape{
		{1, 28, 28},
		{16, 28, 28}, {16, 14, 14}, {8, 14, 14}, {8, 7, 7}, {8, 7, 7}, {8, 4, 4}, // encoder
		{8, 4, 4}, {8, 8, 8}, {8, 8, 8}, {8, 16, 16}, {16, 14, 14}, {16, 28, 28}, {1, 28, 28}, // decoder
	}
	assert.Equal(t, want, shapes)
	latent, err := a.LatentShape()
	require.NoError(t, err)
	assert.Equal(t, Shape{8, 4, 4}, latent)
}

// The widely copied listing has a fourth MaxPooling2D and a fourth encoder
// Conv2D; its decoder then ends at 12×12, which must be refused by name.
func TestKerasListingWithExtraPoolFails(t *testing.T) {
	a := DefaultArch()
	a.Encoder = append(a.Encoder, conv(8, PaddingSame, ActReLU), Layer{Kind: KindMaxPool})
	_, err := a.Shapes()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "output is 1×12×12 but the input is 1×28×28")
}

func TestParamsNamesMatchPyTorchSequential(t *testing.T) {
	var names []string
	var shapes [][]int
	for _, p := range DefaultArch().Params() {
		names = append(names, p.Name)
		shapes = append(shapes, p.Shape)
	}
	assert.Equal(t, []string{
		"encoder.0.weight", "encoder.0.bias", "encoder.3.weight", "encoder.3.bias", "encoder.6.weight", "encoder.6.bias",
		"decoder.0.weight", "decoder.0.bias", "decoder.3.weight", "decoder.3.bias", "decoder.6.weight", "decoder.6.bias",
		"decoder.9.weight", "decoder.9.bias",
	}, names)
	assert.Equal(t, []int{16, 1, 3, 3}, shapes[0])
	assert.Equal(t, []int{16, 8, 3, 3}, shapes[10])
	assert.Equal(t, []int{1, 16, 3, 3}, shapes[12])
	assert.Equal(t, 4385, DefaultArch().NumParams())
}

func TestParseArchRoundTrip(t *testing.T) {
	a := DefaultArch()
	b, err := ParseArch([]byte(a.JSON()))
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestParseArchErrors(t *testing.T) {
	cases := map[string]struct{ json, msg string }{
		"not json":      {`{`, "not valid JSON"},
		"unknown field": {`{"input":[1,28,28],"encoder":[],"decoder":[],"extra":1}`, "unknown field"},
		"no layers":     {`{"input":[1,28,28],"encoder":[],"decoder":[]}`, "at least one encoder layer"},
		"bad input":     {`{"input":[0,28,28],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`, "input shape 0×28×28 is out of range"},
		"unknown kind": {`{"input":[1,28,28],"encoder":[{"kind":"linear"}],"decoder":[{"kind":"upsample"}]}`,
			`encoder layer 0 (linear): layer kind "linear" is unknown: use conv, maxpool, upsample, flatten, dense`},
		"dense on a map": {`{"input":[1,28,28],"encoder":[{"kind":"dense","out":10,"activation":"softmax"}]}`,
			"a dense layer needs a C×1×1 input, got 1×28×28: put a flatten layer before it"},
		"dense with a kernel": {`{"input":[1,28,28],"encoder":[{"kind":"flatten"},{"kind":"dense","out":10,"kernel":3,"activation":"none"}]}`,
			"dense layers take no kernel or padding"},
		"softmax conv": {`{"input":[1,28,28],"encoder":[{"kind":"conv","out":4,"kernel":3,"padding":"same","activation":"softmax"}]}`,
			`activation "softmax" is not one a conv layer takes: use "none", "relu", "sigmoid"`},
		"flatten with out": {`{"input":[1,28,28],"encoder":[{"kind":"flatten","out":3}]}`,
			"flatten layers take no out"},
		"classifier decoder": {`{"input":[1,28,28],"encoder":[{"kind":"flatten"}],"decoder":[{"kind":"dense","out":5,"activation":"none"}]}`,
			"architecture output is 5×1×1 but the input is 1×28×28"},
		"kernel 5": {`{"input":[1,28,28],"encoder":[{"kind":"conv","out":4,"kernel":5,"padding":"same","activation":"relu"}],"decoder":[{"kind":"upsample"}]}`,
			"kernel 5 is not supported"},
		"bad padding": {`{"input":[1,28,28],"encoder":[{"kind":"conv","out":4,"kernel":3,"padding":"full","activation":"relu"}],"decoder":[{"kind":"upsample"}]}`,
			`padding "full" is unknown`},
		"bad activation": {`{"input":[1,28,28],"encoder":[{"kind":"conv","out":4,"kernel":3,"padding":"same","activation":"tanh"}],"decoder":[{"kind":"upsample"}]}`,
			`activation "tanh" is not one a conv layer takes`},
		"pool with params": {`{"input":[1,28,28],"encoder":[{"kind":"maxpool","out":3}],"decoder":[{"kind":"upsample"}]}`,
			"maxpool layers take no out"},
		"valid too small": {`{"input":[1,2,2],"encoder":[{"kind":"conv","out":1,"kernel":3,"padding":"valid","activation":"relu"}],"decoder":[{"kind":"upsample"}]}`,
			"needs at least 3×3 input"},
		"upsample too big": {`{"input":[1,4000,4000],"encoder":[{"kind":"upsample"}],"decoder":[{"kind":"maxpool"}]}`,
			"exceeds the maximum side"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseArch([]byte(c.json))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}
