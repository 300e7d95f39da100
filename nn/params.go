package nn

import "fmt"

// ParamSpec names one parameter tensor of an [Arch] and gives its shape.
type ParamSpec struct {
	Name  string
	Shape []int
}

// Params lists the parameter tensors an Arch needs, in layer order. The
// names and shapes are those of the equivalent PyTorch module: two
// nn.Sequential attributes, "encoder" and "decoder" (empty for an encoder
// alone), in which each conv layer is an nn.Conv2d (weights OIHW) followed
// by its activation module (none for ActNone), each dense layer an
// nn.Linear (weights [out, in]) followed by its activation module
// (nn.Softmax(dim=1) for ActSoftmax), each maxpool an nn.MaxPool2d(2,
// ceil_mode=True), each upsample an nn.Upsample(scale_factor=2) and each
// flatten an nn.Flatten(). So the first conv's weight is
// "encoder.0.weight", shaped [out, in, 3, 3], and its bias "encoder.0.bias".
// A safetensors file with these names loads into that module with
// load_state_dict(strict=True).
//
// Params assumes a valid Arch (see [Arch.Shapes]).
func (a Arch) Params() []ParamSpec {
	var specs []ParamSpec
	in := a.Input
	add := func(part string, layers []Layer) {
		idx := 0 // index of the layer's first module in the nn.Sequential
		for _, l := range layers {
			out, _ := l.outShape(in)
			if l.hasParams() {
				prefix := fmt.Sprintf("%s.%d.", part, idx)
				shape := []int{l.Out, in.C}
				if l.Kind == KindConv {
					shape = append(shape, l.Kernel, l.Kernel)
				}
				specs = append(specs, ParamSpec{prefix + "weight", shape}, ParamSpec{prefix + "bias", []int{l.Out}})
				if l.Activation != ActNone {
					idx++
				}
			}
			idx++
			in = out
		}
	}
	add("encoder", a.Encoder)
	add("decoder", a.Decoder)
	return specs
}

// hasParams reports whether the layer has a weight and a bias.
func (l Layer) hasParams() bool { return l.Kind == KindConv || l.Kind == KindDense }

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
