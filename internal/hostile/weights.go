package hostile

import (
	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// Architectures are the architectures of issue #14.1: within every
// per-field limit, they asked for terabytes of working memory or minutes
// an image.
func Architectures() map[string]nn.Arch {
	up, pool := nn.Layer{Kind: nn.KindUpsample}, nn.Layer{Kind: nn.KindMaxPool}
	conv := func(out int, act nn.Activation) nn.Layer {
		return nn.Layer{Kind: nn.KindConv, Out: out, Kernel: 3, Padding: nn.PaddingSame, Activation: act}
	}
	repeat := func(l nn.Layer, n int) []nn.Layer {
		var ls []nn.Layer
		for range n {
			ls = append(ls, l)
		}
		return ls
	}
	in := nn.Shape{C: 1, H: 28, W: 28}
	return map[string]nn.Arch{
		"1024 channels upsampled 7 times": {Input: in,
			Encoder: append([]nn.Layer{conv(1024, nn.ActReLU)}, repeat(up, 7)...),
			Decoder: append(repeat(pool, 7), conv(1, nn.ActSigmoid))},
		"64 channels upsampled 6 times": {Input: in,
			Encoder: append([]nn.Layer{conv(64, nn.ActReLU)}, repeat(up, 6)...),
			Decoder: append(repeat(pool, 6), conv(1, nn.ActSigmoid))},
		"16 channels, 5 upsamplings, 30 convolutions": {Input: in,
			Encoder: append([]nn.Layer{conv(16, nn.ActReLU)}, repeat(up, 5)...),
			Decoder: append(append(repeat(conv(16, nn.ActReLU), 29), repeat(pool, 5)...), conv(1, nn.ActSigmoid))},
	}
}

// Weights writes a safetensors file of arch with every parameter zero: the
// tensors it needs under the names it expects (nn.Arch.Params), so that
// only the architecture's cost can refuse it.
func Weights(arch nn.Arch) ([]byte, error) {
	tensors := map[string]nn.Tensor{}
	for _, p := range arch.Params() {
		n := 1
		for _, d := range p.Shape {
			n *= d
		}
		tensors[p.Name] = nn.Tensor{Shape: p.Shape, Data: make([]float32, n)}
	}
	return weights.EncodeTensors(tensors, map[string]string{weights.ArchKey: arch.JSON()})
}
