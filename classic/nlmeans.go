package classic

// Non-local means patch and search sizes (scikit-image's defaults).
const (
	nlmPatch  = 2 // 5×5 patches
	nlmSearch = 6 // 13×13 search window
)

// nlmPadded is the image src (h×w) in float64 with mirrored borders as
// wide as a patch and a search reach: pw columns, pad of them each side.
func nlmPadded(src []float32, h, w int) (p []float64, pw, pad int) {
	pad = nlmPatch + nlmSearch
	pw, ph := w+2*pad, h+2*pad
	p = make([]float64, pw*ph)
	for y := 0; y < ph; y++ {
		for x := 0; x < pw; x++ {
			p[y*pw+x] = float64(src[reflect(y-pad, h)*w+reflect(x-pad, w)])
		}
	}
	return p, pw, pad
}

// nlmInv is 1/(h²·patch area): a patch distance times it is the exponent
// of a weight.
func nlmInv(hp float64) float64 {
	const area = (2*nlmPatch + 1) * (2*nlmPatch + 1)
	return 1 / (hp * hp * area)
}

// NLMeans is non-local means: each pixel becomes the average of the pixels
// in its 13×13 neighbourhood, weighted by exp(-d²/h²) where d² is the mean
// squared difference of the 5×5 patches around the two pixels (mirrored
// edges).
//
// It goes offset by offset rather than pixel by pixel (as nlMeansRef
// does): for one offset between a pixel and its neighbour, the squared
// differences of the whole image and its shifted copy are summed over 5×5
// boxes with sliding sums, so each patch distance costs four additions
// instead of 25 multiply-adds.
func NLMeans(dst, src []float32, h, w int, hp float64) {
	p, pw, pad := nlmPadded(src, h, w)
	inv := nlmInv(hp)
	// For one offset: the squared differences over the rows and columns
	// that the patches of the image's pixels cover, (h+4)×(w+4); their sums
	// along each row over 5 columns, (h+4)×w; and those summed over 5 rows,
	// h×w, the patch distances. Both sums slide: add the value entering the
	// window, subtract the one leaving.
	const side = 2*nlmPatch + 1
	bh, bw := h+2*nlmPatch, w+2*nlmPatch
	sq := make([]float64, bw)
	rows := make([]float64, bh*w)
	d2 := make([]float64, w)
	sum, wsum := make([]float64, h*w), make([]float64, h*w)
	for dy := -nlmSearch; dy <= nlmSearch; dy++ {
		for dx := -nlmSearch; dx <= nlmSearch; dx++ {
			for y := 0; y < bh; y++ {
				a := p[(y+nlmSearch)*pw+nlmSearch:][:bw]
				b := p[(y+nlmSearch+dy)*pw+nlmSearch+dx:][:bw]
				for x := range sq {
					d := a[x] - b[x]
					sq[x] = d * d
				}
				out := rows[y*w : (y+1)*w]
				var s float64
				for _, v := range sq[:side-1] {
					s += v
				}
				for x := range out {
					s += sq[x+side-1]
					out[x] = s
					s -= sq[x]
				}
			}
			clear(d2)
			for k := 0; k < side-1; k++ {
				for x, v := range rows[k*w : (k+1)*w] {
					d2[x] += v
				}
			}
			for y := 0; y < h; y++ {
				enter, leave := rows[(y+side-1)*w:(y+side)*w], rows[y*w:(y+1)*w]
				nb := p[(y+pad+dy)*pw+pad+dx:][:w]
				s, ws := sum[y*w:(y+1)*w], wsum[y*w:(y+1)*w]
				for x := range d2 {
					d := d2[x] + enter[x]
					wt := expNeg(d * inv)
					s[x] += wt * nb[x]
					ws[x] += wt
					d2[x] = d - leave[x]
				}
			}
		}
	}
	for i := range dst[:h*w] {
		dst[i] = float32(sum[i] / wsum[i])
	}
}
