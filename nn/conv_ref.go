package nn

import "math"

// conv3x3Ref is conv3x3 written as the definition, the reference the fast
// version is tested against:
//
//	out(o,y,x) = act(b(o) + Σ_c,ky,kx w(o,c,ky,kx)·in(c, y+ky-p, x+kx-p))
//
// with p = 1 for 'same', 0 for 'valid', and in = 0 outside the image. It
// sums in float64.
func conv3x3Ref(out, in []float32, s Shape, w, b []float32, o int, valid bool, act string) {
	p, oh, ow := 1, s.H, s.W
	if valid {
		p, oh, ow = 0, s.H-2, s.W-2
	}
	for oc := 0; oc < o; oc++ {
		for y := 0; y < oh; y++ {
			for x := 0; x < ow; x++ {
				sum := float64(b[oc])
				for c := 0; c < s.C; c++ {
					for ky := 0; ky < 3; ky++ {
						for kx := 0; kx < 3; kx++ {
							iy, ix := y+ky-p, x+kx-p
							if iy < 0 || iy >= s.H || ix < 0 || ix >= s.W {
								continue
							}
							sum += float64(w[((oc*s.C+c)*3+ky)*3+kx]) * float64(in[(c*s.H+iy)*s.W+ix])
						}
					}
				}
				switch act {
				case ActReLU:
					sum = math.Max(0, sum)
				case ActSigmoid:
					sum = 1 / (1 + math.Exp(-sum))
				}
				out[(oc*oh+y)*ow+x] = float32(sum)
			}
		}
	}
}
