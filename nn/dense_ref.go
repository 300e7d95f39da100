package nn

import "math"

// denseRef is a dense layer written as its definition, in float64 from the
// exact values of x, with the bound of a float32 implementation that reads
// inputs within x's bounds (as conv3x3Ref):
//
//	out(o) = act(b(o) + Σ_c w(o,c)·in(c))
func denseRef(x bounded, w, b []float32, o int, act Activation) bounded {
	n := len(x.value)
	g := gamma(n + 1)
	out := bounded{value: make([]float64, o), bound: make([]float64, o)}
	for oc := 0; oc < o; oc++ {
		sum := float64(b[oc])
		carried, magnitude := 0.0, math.Abs(float64(b[oc]))
		for c, wv := range w[oc*n : (oc+1)*n] {
			sum += float64(wv) * x.value[c]
			carried += math.Abs(float64(wv)) * x.bound[c]
			magnitude += math.Abs(float64(wv)) * (math.Abs(x.value[c]) + x.bound[c])
		}
		out.value[oc], out.bound[oc] = activateRef(sum, carried+g*magnitude, act)
	}
	if act == ActSoftmax {
		return softmaxRef(out)
	}
	return out
}

// softmaxULPs is how many float32 ulps a softmax may lose to its
// exponentials and its division, besides the sum of its exponentials
// (γ_K): this engine computes in float64 and rounds once (half an ulp);
// libtorch takes exp in float32 within about one ulp, then a sum and a
// division.
const softmaxULPs = 4

// softmaxRef is pᵢ = exp(zᵢ)/Σⱼ exp(zⱼ) of sums z known within their
// bounds eⱼ. pᵢ grows with zᵢ and falls with every other zⱼ, so for inputs
// within their bounds it lies between its value at zᵢ−eᵢ with the others at
// zⱼ+eⱼ and its value at zᵢ+eᵢ with the others at zⱼ−eⱼ; a float32 softmax
// adds its own rounding, relative to pᵢ.
func softmaxRef(z bounded) bounded {
	k := len(z.value)
	p := func(i int, lean float64) float64 { // pᵢ with zᵢ moved by lean·eᵢ and the others against it
		top := math.Inf(-1)
		for j := range z.value {
			top = math.Max(top, z.value[j]+z.bound[j])
		}
		var total float64
		own := math.Exp(z.value[i] + lean*z.bound[i] - top)
		for j := range z.value {
			if j == i {
				total += own
			} else {
				total += math.Exp(z.value[j] - lean*z.bound[j] - top)
			}
		}
		return own / total
	}
	out := bounded{value: make([]float64, k), bound: make([]float64, k)}
	for i := range z.value {
		v, lo, hi := p(i, 0), p(i, -1), p(i, 1)
		out.value[i] = v
		out.bound[i] = math.Max(hi-v, v-lo) + (gamma(k)+softmaxULPs*2*u32)*hi + tiny
	}
	return out
}
