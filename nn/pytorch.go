package nn

import (
	"fmt"
	"strings"
)

// PyTorch is the source of a PyTorch module, named class, that a's
// weights files load into with load_state_dict(strict=True): two
// nn.Sequential attributes, "encoder" and "decoder" (empty for an encoder
// alone), of the modules Params names the tensors of. Each line holds a
// layer with parameters and what follows it up to the next (a pooling, an
// upsampling); a flatten begins the line of the dense layer after it. It
// uses nn for torch.nn, which the caller imports. As Params, it assumes a
// valid Arch (see [Arch.Shapes]).
func (a Arch) PyTorch(class string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "class %s(nn.Module):\n    def __init__(self):\n        super().__init__()\n", class)
	in := a.Input
	part := func(name string, layers []Layer) {
		if len(layers) == 0 {
			fmt.Fprintf(&b, "        self.%s = nn.Sequential()\n", name)
			return
		}
		var lines [][]string
		for i, l := range layers {
			out, _ := l.outShape(in)
			if l.Kind == KindConv || l.Kind == KindFlatten || l.Kind == KindDense && (i == 0 || layers[i-1].Kind != KindFlatten) || len(lines) == 0 {
				lines = append(lines, nil)
			}
			line := &lines[len(lines)-1]
			*line = append(*line, l.torch(in)...)
			in = out
		}
		fmt.Fprintf(&b, "        self.%s = nn.Sequential(\n", name)
		for i, line := range lines {
			end := ","
			if i == len(lines)-1 {
				end = ")"
			}
			fmt.Fprintf(&b, "            %s%s\n", strings.Join(line, ", "), end)
		}
	}
	part("encoder", a.Encoder)
	part("decoder", a.Decoder)
	b.WriteString("    def forward(self, x):\n")
	if len(a.Decoder) == 0 {
		b.WriteString("        return self.encoder(x)\n")
	} else {
		b.WriteString("        return self.decoder(self.encoder(x))\n")
	}
	return b.String()
}

// torch is the PyTorch modules of l, given an input of shape in.
func (l Layer) torch(in Shape) []string {
	var mods []string
	switch l.Kind {
	case KindConv:
		pad := ", padding=1"
		if l.Padding == PaddingValid {
			pad = ""
		}
		mods = append(mods, fmt.Sprintf("nn.Conv2d(%d, %d, %d%s)", in.C, l.Out, l.Kernel, pad))
	case KindDense:
		mods = append(mods, fmt.Sprintf("nn.Linear(%d, %d)", in.Len(), l.Out))
	case KindMaxPool:
		return []string{"nn.MaxPool2d(2, ceil_mode=True)"}
	case KindUpsample:
		return []string{"nn.Upsample(scale_factor=2)"}
	case KindFlatten:
		return []string{"nn.Flatten()"}
	}
	switch l.Activation {
	case ActReLU:
		mods = append(mods, "nn.ReLU()")
	case ActSigmoid:
		mods = append(mods, "nn.Sigmoid()")
	case ActSoftmax:
		mods = append(mods, "nn.Softmax(dim=1)")
	}
	return mods
}
