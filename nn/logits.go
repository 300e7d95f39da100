package nn

import "slices"

// Logits is m with the softmax that ends it left out, sharing m's
// parameters: its outputs are the sums the softmax takes (the logits).
// A classifier's probabilities are shares of a total, so they say which
// class it sees most, not how much of any class it sees; the sums say
// that too. ok is false when m does not end in a softmax.
func (m *Model) Logits() (l *Model, ok bool) {
	last := len(m.layers) - 1
	if last < 0 || m.layers[last].Activation != ActSoftmax {
		return nil, false
	}
	c := *m
	c.layers = slices.Clone(m.layers)
	c.layers[last].Activation = ActNone
	c.arch.Encoder, c.arch.Decoder = slices.Clone(m.arch.Encoder), slices.Clone(m.arch.Decoder)
	if n := len(c.arch.Decoder); n > 0 {
		c.arch.Decoder[n-1].Activation = ActNone
	} else {
		c.arch.Encoder[len(c.arch.Encoder)-1].Activation = ActNone
	}
	c.encode, c.decode, c.denoise = c.plan(0, c.nEnc), c.plan(c.nEnc, len(c.layers)), c.plan(0, len(c.layers))
	return &c, true
}

// Softmax replaces the sums z with exp(zᵢ)/Σⱼ exp(zⱼ), as a dense layer's
// softmax does, to the same bits: the probabilities of a model's [Logits]
// are the model's own.
func Softmax(z []float32) {
	softmax(z, compact(Shape{len(z), 1, 1}), len(z))
}
