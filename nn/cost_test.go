package nn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultArchCost(t *testing.T) {
	c, err := DefaultArch().Cost()
	require.NoError(t, err)
	// 28²·16·1·9 + 14²·8·16·9 + 7²·8·8·9 + 4²·8·8·9 + 8²·8·8·9 + 14²·16·8·9 + 28²·1·16·9
	assert.Equal(t, int64(751_680), c.MACs)
	// in + out of each layer: conv16, pool, conv8, pool, conv8, pool; conv8, up, conv8, up, conv16 valid, up, conv1
	assert.Equal(t, int64(784+12544+12544+3136+3136+1568+1568+392+392+392+392+128+
		128+128+128+512+512+512+512+2048+2048+3136+3136+12544+12544+784), c.Values)
	m := defaultModel(t)
	assert.Equal(t, int64(4*(2*m.maxLen+m.padLen+m.accLen)), c.WorkspaceBytes, "what NewWorkspace allocates")
	assert.Less(t, c.MACs*50, int64(MaxMACs), "the budget leaves room for far larger models")
	assert.Less(t, c.Values*50, int64(MaxValues))
	assert.Equal(t, int64(DefaultArch().NumParams()), c.Params)
}

// Architectures within every per-field limit that asked for terabytes or
// minutes an image are refused by Shapes, before anything is allocated,
// with the figure and the limit.
func TestArchOverBudgetIsRefused(t *testing.T) {
	up, pool := Layer{Kind: KindUpsample}, Layer{Kind: KindMaxPool}
	repeat := func(l Layer, n int) []Layer {
		var ls []Layer
		for range n {
			ls = append(ls, l)
		}
		return ls
	}
	repeat2 := func(a, b Layer, n int) []Layer {
		var ls []Layer
		for range n {
			ls = append(ls, a, b)
		}
		return ls
	}
	for name, tc := range map[string]struct {
		a   Arch
		msg string
	}{
		"1024 channels upsampled 7 times": {Arch{Input: Shape{1, 28, 28},
			Encoder: append([]Layer{conv(1024, PaddingSame, ActReLU)}, repeat(up, 7)...),
			Decoder: append(repeat(pool, 7), conv(1, PaddingSame, ActSigmoid))},
			"MiB of working memory; the limit is 64 MiB"},
		"64 channels upsampled 6 times": {Arch{Input: Shape{1, 28, 28},
			Encoder: append([]Layer{conv(64, PaddingSame, ActReLU)}, repeat(up, 6)...),
			Decoder: append(repeat(pool, 6), conv(1, PaddingSame, ActSigmoid))},
			"MiB of working memory; the limit is 64 MiB"},
		"16 channels, 5 upsamplings, 30 convolutions": {Arch{Input: Shape{1, 28, 28},
			Encoder: append([]Layer{conv(16, PaddingSame, ActReLU)}, repeat(up, 5)...),
			Decoder: append(append(repeat(conv(16, PaddingSame, ActReLU), 29), repeat(pool, 5)...), conv(1, PaddingSame, ActSigmoid))},
			"MiB of working memory; the limit is 64 MiB"},
		"865 channels over 1×1 maps": {Arch{Input: Shape{1, 1, 1},
			Encoder: repeat(conv(865, PaddingSame, ActReLU), 4), Decoder: []Layer{conv(1, PaddingSame, ActSigmoid)}},
			"million parameters; the limit is 16 million"},
		"three 64-channel convolutions": {Arch{Input: Shape{1, 28, 28},
			Encoder: repeat(conv(64, PaddingSame, ActReLU), 3), Decoder: []Layer{conv(1, PaddingSame, ActSigmoid)}},
			"million multiply-adds per image; the limit is 50 million"},
		"a wide, cheap map": {Arch{Input: Shape{1, 4096, 4096},
			Encoder: []Layer{pool}, Decoder: []Layer{up}},
			"MiB of working memory; the limit is 64 MiB"},
		"no multiply-adds, 32 layers over 2048×2048": {Arch{Input: Shape{1, 2048, 2048},
			Encoder: repeat2(pool, up, 8), Decoder: repeat2(pool, up, 8)},
			"million values per image; the limit is 16 million"},
	} {
		_, err := tc.a.Shapes()
		assert.ErrorContains(t, err, tc.msg, name)
		_, err = ParseArch([]byte(tc.a.JSON()))
		assert.ErrorContains(t, err, tc.msg, name+", parsed")
	}
}
