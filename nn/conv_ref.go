package nn

import "math"

// conv3x3Ref is conv3x3 written as the definition, the reference the fast
// version is tested against:
//
//	out(o,y,x) = act(b(o) + Σ_c,ky,kx w(o,c,ky,kx)·in(c, y+ky-p, x+kx-p))
//
// with p = 1 for 'same', 0 for 'valid', and in = 0 outside the image. It
// sums in float64 the exact values of x, and bounds the error of a float32
// implementation that reads inputs within x.Bound of them (see
// [Model.CheckTrace]).
func conv3x3Ref(x bounded, s Shape, w, b []float32, o int, valid bool, act Activation) bounded {
	p, oh, ow := 1, s.H, s.W
	if valid {
		p, oh, ow = 0, s.H-2, s.W-2
	}
	g := gamma(9*s.C + 1)
	out := bounded{value: make([]float64, o*oh*ow), bound: make([]float64, o*oh*ow)}
	for oc := 0; oc < o; oc++ {
		for y := 0; y < oh; y++ {
			for x0 := 0; x0 < ow; x0++ {
				sum := float64(b[oc])
				carried, magnitude := 0.0, math.Abs(float64(b[oc])) // Σ|w|e and |b|+Σ|w|(|x|+e)
				for c := 0; c < s.C; c++ {
					for ky := 0; ky < 3; ky++ {
						for kx := 0; kx < 3; kx++ {
							iy, ix := y+ky-p, x0+kx-p
							if iy < 0 || iy >= s.H || ix < 0 || ix >= s.W {
								continue
							}
							wv, i := float64(w[((oc*s.C+c)*3+ky)*3+kx]), (c*s.H+iy)*s.W+ix
							sum += wv * x.value[i]
							carried += math.Abs(wv) * x.bound[i]
							magnitude += math.Abs(wv) * (math.Abs(x.value[i]) + x.bound[i])
						}
					}
				}
				i := (oc*oh+y)*ow + x0
				out.value[i], out.bound[i] = activateRef(sum, carried+g*magnitude, act)
			}
		}
	}
	return out
}

// activateRef applies a fused elementwise activation (ReLU, sigmoid or
// none) to a sum z known within e; softmax, over all sums, is applied by
// the caller.
func activateRef(z, e float64, act Activation) (float64, float64) {
	switch act {
	case ActReLU:
		return reLURef(z, e)
	case ActSigmoid:
		return sigmoidRef(z, e)
	}
	return z, e
}

// sigmoidRef is σ(z) = 1/(1+e^-z) and the bound of a float32 sigmoid of an
// input within e of z: σ is increasing, so the exact sigmoid of that input
// lies in [σ(z−e), σ(z+e)], and the float32 one is off from it by the
// sigmoid's own rounding.
func sigmoidRef(z, e float64) (float64, float64) {
	sig := func(t float64) float64 { return 1 / (1 + math.Exp(-t)) }
	v, lo, hi := sig(z), sig(z-e), sig(z+e)
	return v, math.Max(hi-v, v-lo) + sigmoidULPs*2*u32*hi + tiny
}

// tiny is float32's smallest normal number. Below it a result has fewer
// bits than float32's 24, down to none: rounded, or flushed to zero by
// vector kernels that do so, it may be off by up to tiny, whatever its
// relative bound says.
const tiny = 0x1p-126

// reLURef is max(0, z) and the bound of a float32 ReLU of an input within e
// of z: the output lies in [max(0, z−e), max(0, z+e)], so a sum known to be
// negative gives exactly 0, with no error to carry on.
func reLURef(z, e float64) (float64, float64) {
	if z >= 0 {
		return z, e
	}
	return 0, math.Max(0, z+e)
}
