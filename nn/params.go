package nn

import "fmt"

// ParamSpec names one parameter tensor of an [Arch] and gives its shape.
type ParamSpec struct {
	Name  string
	Shape []int
}

// Params lists the parameter tensors an Arch needs, in layer order. The
// names and shapes are those of the equivalent PyTorch module: two
// nn.Sequential attributes, "encoder" and "decoder", in which each conv layer
// is an nn.Conv2d (weights OIHW) followed by its activation module (none for
// ActNone), each maxpool an nn.MaxPool2d(2, ceil_mode=True) and each upsample
// an nn.Upsample(scale_factor=2). So the first conv's weight is
// "encoder.0.weight", shaped [out, in, 3, 3], and its bias "encoder.0.bias".
// A safetensors file with these names loads into that module with
// load_state_dict(strict=True).
//
// Params assumes a valid Arch (see [Arch.Shapes]).
func (a Arch) Params() []ParamSpec {
	var specs []ParamSpec
	c := a.Input.C
	add := func(part string, layers []Layer) {
		idx := 0 // index of the layer's first module in the nn.Sequential
		for _, l := range layers {
			if l.Kind != KindConv {
				idx++
				continue
			}
			prefix := fmt.Sprintf("%s.%d.", part, idx)
			specs = append(specs,
				ParamSpec{prefix + "weight", []int{l.Out, c, l.Kernel, l.Kernel}},
				ParamSpec{prefix + "bias", []int{l.Out}})
			c = l.Out
			idx++
			if l.Activation != ActNone {
				idx++
			}
		}
	}
	add("encoder", a.Encoder)
	add("decoder", a.Decoder)
	return specs
}

// NumParams is the number of scalar parameters of the Arch.
func (a Arch) NumParams() int {
	n := 0
	for _, p := range a.Params() {
		n += shapeLen(p.Shape)
	}
	return n
}

func shapeLen(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}
