package nn

// maxPool2x2 is 2×2 max pooling with stride 2 and Keras 'same' semantics:
// in is (C,H,W), out is (C,⌈H/2⌉,⌈W/2⌉); a window that hangs over the
// bottom or right edge takes the maximum of the cells it covers (as
// PyTorch's MaxPool2d(2, ceil_mode=True) does).
func maxPool2x2(out, in []float32, s Shape) {
	oh, ow := (s.H+1)/2, (s.W+1)/2
	for c := 0; c < s.C; c++ {
		src := in[c*s.H*s.W : (c+1)*s.H*s.W]
		dst := out[c*oh*ow : (c+1)*oh*ow]
		for oy := 0; oy < oh; oy++ {
			y0 := 2 * oy
			y1 := min(y0+2, s.H)
			for ox := 0; ox < ow; ox++ {
				x0 := 2 * ox
				x1 := min(x0+2, s.W)
				m := src[y0*s.W+x0]
				for y := y0; y < y1; y++ {
					for x := x0; x < x1; x++ {
						m = max(m, src[y*s.W+x])
					}
				}
				dst[oy*ow+ox] = m
			}
		}
	}
}
