package nn

// maxPool2x2Ref is maxPool2x2 written as its definition: each output is the
// maximum, in IEEE 754's total order (see orderKey), of the cells of its
// 2×2 window that lie inside the input.
func maxPool2x2Ref(out, in []float32, s Shape) {
	oh, ow := (s.H+1)/2, (s.W+1)/2
	for c := 0; c < s.C; c++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				m := in[(c*s.H+2*oy)*s.W+2*ox]
				for y := 2 * oy; y < 2*oy+2 && y < s.H; y++ {
					for x := 2 * ox; x < 2*ox+2 && x < s.W; x++ {
						if v := in[(c*s.H+y)*s.W+x]; orderKey(v) > orderKey(m) {
							m = v
						}
					}
				}
				out[(c*oh+oy)*ow+ox] = m
			}
		}
	}
}
