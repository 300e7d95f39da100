package nn

import "fmt"

// step is one pass of the engine over a feature map: a layer, or a
// convolution together with the max pooling after it. [New] works out the
// steps once for each part of the model (encoder, decoder, both): which
// convolution runs the pooling that follows it, which input comes padded,
// and how each step lays out its output. forward, Trace, ProfileLayers and
// the benchmarks all walk these plans.
type step struct {
	*layer          // the layer; for a fused pair, the convolution
	index    int    // the layer's index in the model
	pool     *layer // the max pooling the convolution runs in its own pass, or nil
	inPadded bool   // the input comes padded, written so by the step before
	out      Shape  // the output's shape (pooled, with pool)
	lo       layout // how the output is laid out
}

// plan is the steps that run layers [from, to) of m. A convolution with
// ReLU or no activation followed by a max pooling runs the pooling in its
// own pass, so that its output is never written out and read back; a step
// that feeds a 'same' convolution writes its output padded for it (see
// layout). The first step reads its input as given, compact.
func (m *Model) plan(from, to int) []step {
	var p []step
	for i := from; i < to; i++ {
		l := &m.layers[i]
		s := step{layer: l, index: i, inPadded: i > from && l.readsPadded()}
		if l.Kind == KindConv && (l.Activation == ActReLU || l.Activation == ActNone) && i+1 < to && m.layers[i+1].Kind == KindMaxPool {
			i++
			s.pool = &m.layers[i]
		}
		s.out = m.outShape(i)
		s.lo = compact(s.out)
		if i+1 < to && m.layers[i+1].readsPadded() {
			s.lo = padded(s.out)
		}
		p = append(p, s)
	}
	return p
}

// last is the index of the last layer the step runs.
func (s *step) last() int {
	if s.pool != nil {
		return s.index + 1
	}
	return s.index
}

// run runs the step on one feature map: in is laid out as the step
// expects, out receives the output in s.lo; pad and acc are conv3x3's
// scratch buffers.
func (s *step) run(out, in, pad, acc []float32) {
	switch s.Kind {
	case KindConv:
		conv3x3(out, in, s, pad, acc)
	case KindMaxPool:
		maxPool2x2(out, in, s.in, s.lo)
	case KindUpsample:
		upsample2x(out, in, s.in, s.lo)
	case KindFlatten:
		flatten(out, in, s.in, s.lo)
	case KindDense:
		dense(out, in, s.layer, s.lo)
	}
}

// String names the step by its layers, e.g.
// "00-conv-1×28×28-to-16-same + 01-maxpool-16×28×28".
func (s *step) String() string {
	name := fmt.Sprintf("%02d-%s", s.index, s.layer)
	if s.pool != nil {
		name += fmt.Sprintf(" + %02d-%s", s.index+1, s.pool)
	}
	return name
}

// String names the layer with its input shape, e.g.
// "conv-16×14×14-to-8-same".
func (l *layer) String() string {
	name := fmt.Sprintf("%s-%s", l.Kind, l.in)
	switch l.Kind {
	case KindConv:
		name += fmt.Sprintf("-to-%d-%s", l.Out, l.Padding)
	case KindDense:
		name += fmt.Sprintf("-to-%d-%s", l.Out, l.Activation)
	}
	return name
}
