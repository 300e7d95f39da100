package nn

import "math"

// conv3x3 computes a 3×3 convolution with stride 1, adds the bias and applies
// the activation. in is (C,H,W) with shape in, w is (O,C,3,3), b is (O), out
// is (O,H',W') where H',W' = H,W for 'same' (zero padding 1) and H-2,W-2 for
// 'valid'. This is cross-correlation, as in libtorch and Keras.
//
// The loops run over output rows, adding one shifted input row times one
// weight at a time: the inner loop is a plain axpy over contiguous memory.
func conv3x3(out, in []float32, s Shape, w, b []float32, o int, valid bool, act string) {
	pad := 1
	oh, ow := s.H, s.W
	if valid {
		pad = 0
		oh, ow = s.H-2, s.W-2
	}
	plane := oh * ow
	for oc := 0; oc < o; oc++ {
		dst := out[oc*plane : (oc+1)*plane]
		bias := b[oc]
		for i := range dst {
			dst[i] = bias
		}
		for c := 0; c < s.C; c++ {
			src := in[c*s.H*s.W : (c+1)*s.H*s.W]
			k := w[(oc*s.C+c)*9 : (oc*s.C+c+1)*9]
			for ky := 0; ky < 3; ky++ {
				// Output rows oy read input row iy = oy+ky-pad, which must be in [0,H).
				y0, y1 := max(0, pad-ky), min(oh, s.H-ky+pad)
				for kx := 0; kx < 3; kx++ {
					wv := k[ky*3+kx]
					x0, x1 := max(0, pad-kx), min(ow, s.W-kx+pad)
					if x0 >= x1 {
						continue
					}
					for oy := y0; oy < y1; oy++ {
						iy := oy + ky - pad
						row := src[iy*s.W+x0+kx-pad : iy*s.W+x1+kx-pad]
						acc := dst[oy*ow+x0 : oy*ow+x1]
						for i, v := range row {
							acc[i] += wv * v
						}
					}
				}
			}
		}
		activate(dst, act)
	}
}

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
