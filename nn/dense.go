package nn

import "math"

// flatten writes the compact map in, of shape s, as s.Len() channels of
// 1×1 in layout lo: the same values in the same order, as torch.nn.Flatten
// gives them.
func flatten(out, in []float32, s Shape, lo layout) {
	lo.prepare(out, s.Len())
	for i, v := range in[:s.Len()] {
		out[lo.off+i*lo.plane] = v
	}
}

// dense is a fully connected layer: in holds l.in.C values (a C×1×1 map,
// compact), out receives l.Out of them in layout lo,
//
//	out(o) = act(b(o) + Σ_c w(o,c)·in(c))
//
// with w in PyTorch's nn.Linear order [out, in]. A softmax takes all the
// sums together.
func dense(out, in []float32, l *layer, lo layout) {
	lo.prepare(out, l.Out)
	n := l.in.C
	x := in[:n]
	for o := 0; o < l.Out; o++ {
		w := l.w[o*n : (o+1)*n]
		sum := l.b[o]
		for c, v := range x {
			sum += w[c] * v
		}
		if l.Activation == ActReLU {
			sum = max(sum, 0)
		}
		out[lo.off+o*lo.plane] = sum
		if l.Activation == ActSigmoid {
			sigmoids(out[lo.off+o*lo.plane : lo.off+o*lo.plane+1])
		}
	}
	if l.Activation == ActSoftmax {
		softmax(out, lo, l.Out)
	}
}

// softmax replaces the n sums z in out (in layout lo) with
// exp(zᵢ)/Σⱼ exp(zⱼ), computed in float64 from the largest z down, so that
// nothing overflows, and rounded once.
func softmax(out []float32, lo layout, n int) {
	top := math.Inf(-1)
	for o := 0; o < n; o++ {
		top = math.Max(top, float64(out[lo.off+o*lo.plane]))
	}
	var total float64
	for o := 0; o < n; o++ {
		total += math.Exp(float64(out[lo.off+o*lo.plane]) - top)
	}
	for o := 0; o < n; o++ {
		i := lo.off + o*lo.plane
		out[i] = float32(math.Exp(float64(out[i])-top) / total)
	}
}
