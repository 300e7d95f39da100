package classic

import "math"

// nlMeansRef is NLMeans written as its definition, pixel by pixel and
// patch by patch: the reference the fast version is tested against.
func nlMeansRef(dst, src []float32, h, w int, hp float64) {
	p, pw, pad := nlmPadded(src, h, w)
	inv := nlmInv(hp)
	out := make([]float32, h*w)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			cy, cx := y+pad, x+pad
			var sum, wsum float64
			for sy := cy - nlmSearch; sy <= cy+nlmSearch; sy++ {
				for sx := cx - nlmSearch; sx <= cx+nlmSearch; sx++ {
					var d2 float64
					for dy := -nlmPatch; dy <= nlmPatch; dy++ {
						a := p[(cy+dy)*pw+cx-nlmPatch : (cy+dy)*pw+cx+nlmPatch+1]
						b := p[(sy+dy)*pw+sx-nlmPatch : (sy+dy)*pw+sx+nlmPatch+1]
						for i := range a {
							diff := a[i] - b[i]
							d2 += diff * diff
						}
					}
					wt := math.Exp(-d2 * inv)
					sum += wt * p[sy*pw+sx]
					wsum += wt
				}
			}
			out[y*w+x] = float32(sum / wsum)
		}
	}
	copy(dst, out)
}
