package nn

// upsample2x is nearest-neighbour ×2 upsampling: in is (C,H,W), out is
// (C,2H,2W) with out(c, y, x) = in(c, y/2, x/2), written in layout lo.
func upsample2x(out, in []float32, s Shape, lo layout) {
	ow := 2 * s.W
	lo.prepare(out, s.C)
	for c := 0; c < s.C; c++ {
		src := in[c*s.H*s.W : (c+1)*s.H*s.W]
		for y := 0; y < s.H; y++ {
			// Both output rows in one loop: a copy of the first would be a
			// call per row in the wasm build.
			r0, r1 := lo.row(out, c, 2*y, ow), lo.row(out, c, 2*y+1, ow)
			for x, v := range src[y*s.W : (y+1)*s.W] {
				r0[2*x], r0[2*x+1] = v, v
				r1[2*x], r1[2*x+1] = v, v
			}
		}
	}
}
