package nn

import "math"

// conv3x3 computes a 3×3 convolution with stride 1, adds the bias and applies
// the activation. in is (C,H,W) with shape s, w is (O,C,3,3), b is (O), out
// is (O,H',W') where H',W' = H,W for 'same' (zero padding 1) and H-2,W-2 for
// 'valid'. This is cross-correlation, as in libtorch and Keras.
// conv3x3Ref is the same computation written as its definition.
//
// How it is fast without SIMD: for 'same' the input is first copied into
// pad, (C,H+2,W+2) with a zero border, so that no loop tests bounds. An
// output channel is then accumulated in acc at the padded width: output
// (y,x) sits at y·W'+x where W' is the padded row length, so every tap of
// one input channel is one shifted, contiguous run of that channel, and the
// nine taps are summed in a single loop over the whole plane (not one short
// loop per row). The two columns at the end of each row of acc are garbage
// and are skipped when acc is copied out with the bias and activation. The
// runs are sliced to one length so that the compiler drops bounds checks.
func conv3x3(out, in []float32, s Shape, w, b []float32, o int, valid bool, act string, pad, acc []float32) {
	src, sh, sw := in, s.H, s.W
	if !valid {
		sh, sw = s.H+2, s.W+2
		src = pad[:s.C*sh*sw]
		padCopy(src, in, s)
	}
	oh, ow := sh-2, sw-2
	n := (oh-1)*sw + ow // acc positions that hold outputs, garbage columns between rows included
	sum := acc[:n]
	for oc := 0; oc < o; oc++ {
		for i := range sum {
			sum[i] = 0
		}
		for c := 0; c < s.C; c++ {
			ch := src[c*sh*sw : (c+1)*sh*sw]
			k := w[(oc*s.C+c)*9 : (oc*s.C+c)*9+9]
			a0, a1, a2 := ch[0:n], ch[1:n+1], ch[2:n+2]
			b0, b1, b2 := ch[sw:sw+n], ch[sw+1:sw+1+n], ch[sw+2:sw+2+n]
			c0, c1, c2 := ch[2*sw:2*sw+n], ch[2*sw+1:2*sw+1+n], ch[2*sw+2:2*sw+2+n]
			k0, k1, k2, k3, k4, k5, k6, k7, k8 := k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8]
			for x := range sum {
				sum[x] += k0*a0[x] + k1*a1[x] + k2*a2[x] +
					k3*b0[x] + k4*b1[x] + k5*b2[x] +
					k6*c0[x] + k7*c1[x] + k8*c2[x]
			}
		}
		dst := out[oc*oh*ow : (oc+1)*oh*ow]
		bias := b[oc]
		for y := 0; y < oh; y++ {
			row := dst[y*ow : (y+1)*ow]
			for x, v := range sum[y*sw : y*sw+ow] {
				row[x] = v + bias
			}
		}
		activate(dst, act)
	}
}

// accLen is the size of the acc buffer conv3x3 needs for an input of
// shape s.
func accLen(s Shape, valid bool) int {
	if valid {
		return (s.H - 2) * s.W
	}
	return s.H * (s.W + 2)
}

// padCopy copies in, (C,H,W) with shape s, into dst, (C,H+2,W+2), with a
// border of zeros.
func padCopy(dst, in []float32, s Shape) {
	pw := s.W + 2
	for i := range dst {
		dst[i] = 0
	}
	for c := 0; c < s.C; c++ {
		for y := 0; y < s.H; y++ {
			row := dst[(c*(s.H+2)+y+1)*pw+1:]
			copy(row[:s.W], in[(c*s.H+y)*s.W:(c*s.H+y+1)*s.W])
		}
	}
}

// padLen is the size of the pad buffer conv3x3 needs for a 'same' layer.
func padLen(s Shape) int { return s.C * (s.H + 2) * (s.W + 2) }

// activate applies act to x in place.
func activate(x []float32, act string) {
	switch act {
	case ActReLU:
		for i, v := range x {
			if v < 0 {
				x[i] = 0
			}
		}
	case ActSigmoid:
		for i, v := range x {
			x[i] = float32(1 / (1 + math.Exp(-float64(v))))
		}
	}
}
