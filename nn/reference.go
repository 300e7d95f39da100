package nn

import (
	"fmt"
	"math"
)

// CheckTrace checks an implementation of the model (this engine, libtorch
// now, libtorch on the machine that wrote a fixture) layer by layer
// against the model's definition. outs[i] is the implementation's output of
// layer i for the batch src, N maps of that layer's output shape back to
// back, as [Workspace.Trace] returns them; nil where it has none (a
// convolution fused with its pooling). It returns the largest share of its
// rounding bound any value used, for the logs, and an error naming the
// first value out of bounds, its layer and image.
//
// Each layer is computed as its definition, in float64, from the
// implementation's own input to it (its previous output, taken as exact),
// and the implementation must be within the rounding bound of that one
// layer: any correct float32 implementation is, whatever its order of
// summation, its use of fused multiply-adds or its processor. Bounds are
// not carried from layer to layer, where the worst case compounds far
// beyond what happens (through the decoder, to a sizeable fraction of the
// output range); only across a nil output does a bound carry on to the
// next layer. A constant tolerance, by contrast, is chosen on one
// processor and fails on another, where libtorch picks other kernels.
//
// The bound of one convolution output z = b + Σₖ wₖxₖ over K = 9·C
// products is γ_{K+1}·(|b| + Σₖ|wₖ|·|xₖ|) (see gamma); with inputs off by
// up to eₖ (only after a nil output), Σₖ|wₖ|·eₖ more, and eₖ added to |xₖ|.
// A dense layer's sums are bounded likewise, over K = C products. ReLU and
// max pooling are exact in float32, so they carry the bounds of
// their inputs as intervals (a ReLU of a sum known to be negative is
// exactly 0); upsampling copies. A sigmoid carries its input's interval
// through σ and adds its own rounding (sigmoidULPs); a softmax carries
// the intervals of all its inputs through, and adds the rounding of its
// exponentials, their sum and the division (see softmaxRef). Flattening
// moves nothing. An error in a layer (a
// weight, a bias, the padding, the pooling's edge) moves outputs far
// beyond these bounds.
func (m *Model) CheckTrace(what string, src []float32, outs [][]float32) (used float64, err error) {
	in := m.InputShape().Len()
	n := len(src) / in
	if len(src) == 0 || len(src) != n*in {
		return 0, fmt.Errorf("input has %d values, want a positive multiple of %d (%s per item)", len(src), in, m.InputShape())
	}
	if len(outs) != len(m.layers) {
		return 0, fmt.Errorf("%s: the trace has %d layers, the model %d", what, len(outs), len(m.layers))
	}
	for j, out := range outs {
		if size := m.outShape(j).Len(); out != nil && len(out) != n*size {
			return 0, fmt.Errorf("%s: layer %d (%s) has %d values, want %d (%d × %s)", what, j, &m.layers[j], len(out), n*size, n, m.outShape(j))
		}
	}
	if outs[len(outs)-1] == nil {
		return 0, fmt.Errorf("%s: the trace has no output of the last layer", what)
	}
	for i := 0; i < n; i++ {
		x := exactly(src[i*in : (i+1)*in])
		for j := range m.layers {
			l := &m.layers[j]
			x = l.reference(x)
			if outs[j] == nil {
				continue
			}
			size := m.outShape(j).Len()
			got := outs[j][i*size : (i+1)*size]
			u, err := x.check(got)
			if err != nil {
				return used, fmt.Errorf("%s, layer %d (%s), image %d: %w", what, j, l, i, err)
			}
			used = math.Max(used, u)
			x = exactly(got)
		}
	}
	return used, nil
}

// bounded is the exact result of a float32 computation and how far a
// correct float32 implementation of it may be from it: value[i] is
// computed in float64 from float32 inputs and parameters, and a float32
// implementation is within bound[i] of it.
type bounded struct {
	value, bound []float64
}

// exactly is x as exact values.
func exactly(x []float32) bounded {
	b := bounded{value: make([]float64, len(x)), bound: make([]float64, len(x))}
	for i, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			b.bound[i] = math.NaN() // fails every check after it
		}
		b.value[i] = float64(v)
	}
	return b
}

// check reports the first value of got further from b's value than its
// bound allows, and the largest share of its bound a value used.
func (b bounded) check(got []float32) (used float64, err error) {
	for i, v := range got {
		d := math.Abs(float64(v) - b.value[i])
		if !(d <= b.bound[i]) {
			return used, fmt.Errorf("value %d is %.9g, %.3g from the exact %.9g: over its rounding bound %.3g (%.1f×)",
				i, v, d, b.value[i], b.bound[i], d/b.bound[i])
		}
		if d > 0 {
			used = math.Max(used, d/b.bound[i])
		}
	}
	return used, nil
}

// u32 is float32's unit roundoff: rounding x to float32 changes it by at
// most u32·|x|.
const u32 = 0x1p-24

// gamma is γₙ = n·u/(1−n·u) for float32: a sum of n products computed in
// float32 in any order, with or without fused multiply-adds, is within
// γₙ·Σ|products| of the exact sum (Higham, Accuracy and Stability of
// Numerical Algorithms, 2nd ed., §3.1, Lemma 3.1). The float64 reference
// sum's own error, under n·2⁻⁵³·Σ|products|, is added to it.
func gamma(n int) float64 {
	nu := float64(n) * u32
	return nu/(1-nu) + float64(n)*0x1p-53
}

// sigmoidULPs is how many float32 ulps (an ulp of v is at most 2u·|v|) a
// sigmoid implementation may be off: this engine's is within one (tested);
// libtorch's computes 1/(1+exp(−x)) with a vectorised exp within one ulp,
// then an addition and a division of half an ulp each.
const sigmoidULPs = 4

// reference runs the layer as its definition on x (its input shape).
func (l *layer) reference(x bounded) bounded {
	switch l.Kind {
	case KindConv:
		return conv3x3Ref(x, l.in, l.w, l.b, l.Out, l.Padding == PaddingValid, l.Activation)
	case KindDense:
		return denseRef(x, l.w, l.b, l.Out, l.Activation)
	case KindMaxPool:
		return maxPool2x2BoundedRef(x, l.in)
	case KindFlatten:
		return x // the same values in the same order
	default:
		return upsample2xRef(x, l.in)
	}
}

// maxPool2x2BoundedRef is max pooling of exact values: each output is the
// largest value v of its window; a float32 implementation's maximum of
// inputs within their bounds lies in [max(vᵢ−eᵢ), max(vᵢ+eᵢ)], which gives
// its bound.
func maxPool2x2BoundedRef(x bounded, s Shape) bounded {
	oh, ow := (s.H+1)/2, (s.W+1)/2
	out := bounded{value: make([]float64, s.C*oh*ow), bound: make([]float64, s.C*oh*ow)}
	for c := 0; c < s.C; c++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				v, lo, hi := math.Inf(-1), math.Inf(-1), math.Inf(-1)
				for y := 2 * oy; y < min(2*oy+2, s.H); y++ {
					for x0 := 2 * ox; x0 < min(2*ox+2, s.W); x0++ {
						xv, xe := x.value[(c*s.H+y)*s.W+x0], x.bound[(c*s.H+y)*s.W+x0]
						v, lo, hi = math.Max(v, xv), math.Max(lo, xv-xe), math.Max(hi, xv+xe)
					}
				}
				out.value[(c*oh+oy)*ow+ox], out.bound[(c*oh+oy)*ow+ox] = v, math.Max(hi-v, v-lo)
			}
		}
	}
	return out
}

// upsample2xRef is nearest-neighbour upsampling: out(c,y,x) = in(c,y/2,x/2).
func upsample2xRef(x bounded, s Shape) bounded {
	n := 4 * s.Len()
	out := bounded{value: make([]float64, n), bound: make([]float64, n)}
	for c := 0; c < s.C; c++ {
		for y := 0; y < 2*s.H; y++ {
			for x0 := 0; x0 < 2*s.W; x0++ {
				i, j := (c*2*s.H+y)*2*s.W+x0, (c*s.H+y/2)*s.W+x0/2
				out.value[i], out.bound[i] = x.value[j], x.bound[j]
			}
		}
	}
	return out
}
