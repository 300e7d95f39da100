package nn

// maxPool2x2 is 2×2 max pooling with stride 2 and Keras 'same' semantics:
// in is (C,H,W), out is (C,⌈H/2⌉,⌈W/2⌉); a window that hangs over the
// bottom or right edge takes the maximum of the cells it covers (as
// PyTorch's MaxPool2d(2, ceil_mode=True) does).
//
// The comparisons are written out (not the max builtin, whose NaN handling
// costs a function call per use in the wasm build). out is written in
// layout lo.
func maxPool2x2(out, in []float32, s Shape, lo layout) {
	oh, ow := (s.H+1)/2, (s.W+1)/2
	fullW := s.W / 2 // output columns whose window is two wide
	lo.prepare(out, s.C)
	for c := 0; c < s.C; c++ {
		src := in[c*s.H*s.W : (c+1)*s.H*s.W]
		for oy := 0; oy < oh; oy++ {
			r0 := src[2*oy*s.W : 2*oy*s.W+s.W]
			r1 := r0 // a last odd row pools with itself
			if 2*oy+1 < s.H {
				r1 = src[(2*oy+1)*s.W : (2*oy+1)*s.W+s.W]
			}
			d := lo.row(out, c, oy, ow)
			for ox := 0; ox < fullW; ox++ {
				m := r0[2*ox]
				if v := r0[2*ox+1]; v > m {
					m = v
				}
				if v := r1[2*ox]; v > m {
					m = v
				}
				if v := r1[2*ox+1]; v > m {
					m = v
				}
				d[ox] = m
			}
			if fullW < ow { // odd width: the last window is one wide
				m := r0[s.W-1]
				if v := r1[s.W-1]; v > m {
					m = v
				}
				d[ow-1] = m
			}
		}
	}
}
