package nn

// upsample2x is nearest-neighbour ×2 upsampling: in is (C,H,W), out is
// (C,2H,2W) with out(c, y, x) = in(c, y/2, x/2).
func upsample2x(out, in []float32, s Shape) {
	ow := 2 * s.W
	for c := 0; c < s.C; c++ {
		src := in[c*s.H*s.W : (c+1)*s.H*s.W]
		dst := out[c*4*s.H*s.W : (c+1)*4*s.H*s.W]
		for y := 0; y < s.H; y++ {
			row := dst[2*y*ow : (2*y+1)*ow]
			for x, v := range src[y*s.W : (y+1)*s.W] {
				row[2*x] = v
				row[2*x+1] = v
			}
			copy(dst[(2*y+1)*ow:(2*y+2)*ow], row)
		}
	}
}
