package digitprep

import (
	"math/bits"
	"slices"
)

// The image filters preparation uses, on w×h float32 images in row-major
// order. Each costs a fixed number of operations a pixel whatever its
// radius, so that a 512-pixel image with a window of a sixth of its side
// costs no more than with a small one.

// boxBlur is the mean over the (2r+1)² window around each pixel, the
// window cut at the edges.
func boxBlur(g []float32, w, h, r int) []float32 {
	if r < 1 {
		return append([]float32(nil), g...)
	}
	sum := newIntegral(g, w, h, false)
	out := make([]float32, w*h)
	for y := 0; y < h; y++ {
		y0, y1 := max(0, y-r), min(h, y+r+1)
		for x := 0; x < w; x++ {
			x0, x1 := max(0, x-r), min(w, x+r+1)
			out[y*w+x] = float32(sum.box(x0, y0, x1, y1) / float64((y1-y0)*(x1-x0)))
		}
	}
	return out
}

// integral is an integral image: the sum of an image's values (or of
// their squares) over [0,x)×[0,y) at y*(w+1)+x, so that the sum over any
// box takes four lookups.
type integral struct {
	w   int
	sum []float64
}

// newIntegral is the integral image of g (w×h), of its values squared if
// squared.
func newIntegral(g []float32, w, h int, squared bool) integral {
	s := integral{w: w, sum: make([]float64, (w+1)*(h+1))}
	for y := 0; y < h; y++ {
		var row float64
		for x := 0; x < w; x++ {
			v := float64(g[y*w+x])
			if squared {
				v *= v
			}
			row += v
			s.sum[(y+1)*(w+1)+x+1] = s.sum[y*(w+1)+x+1] + row
		}
	}
	return s
}

// box is the sum over [x0,x1)×[y0,y1).
func (s integral) box(x0, y0, x1, y1 int) float64 {
	w := s.w + 1
	return s.sum[y1*w+x1] - s.sum[y0*w+x1] - s.sum[y1*w+x0] + s.sum[y0*w+x0]
}

// minFilter is the smallest value in the (2r+1)² window around each pixel
// (grey erosion); maxFilter the largest (grey dilation).
func minFilter(g []float32, w, h, r int) []float32 {
	return slide(g, w, h, r, func(a, b float32) bool { return a <= b })
}

func maxFilter(g []float32, w, h, r int) []float32 {
	return slide(g, w, h, r, func(a, b float32) bool { return a >= b })
}

// slide is a separable sliding-window extremum: first along rows, then
// along columns, each with a monotonic queue of candidates, so every pixel
// enters and leaves it once. keep(a, b) says whether a beats b.
func slide(g []float32, w, h, r int, keep func(a, b float32) bool) []float32 {
	if r < 1 {
		return append([]float32(nil), g...)
	}
	line := func(dst, src []float32, n, stride int, q []int) {
		q = q[:0]
		for i := 0; i < n+r; i++ {
			if i < n {
				for len(q) > 0 && keep(src[i*stride], src[q[len(q)-1]*stride]) {
					q = q[:len(q)-1]
				}
				q = append(q, i)
			}
			if o := i - r; o >= 0 {
				for q[0] < o-r {
					q = q[1:]
				}
				dst[o*stride] = src[q[0]*stride]
			}
		}
	}
	rows := make([]float32, w*h)
	q := make([]int, 0, max(w, h))
	for y := 0; y < h; y++ {
		line(rows[y*w:], g[y*w:], w, 1, q)
	}
	out := make([]float32, w*h)
	for x := 0; x < w; x++ {
		line(out[x:], rows[x:], h, w, q)
	}
	return out
}

// quantileSamples is how many values of an image quantile looks at, at
// most: an even sample of them is as good an estimate of a robust
// statistic, and sorting all of a megapixel would cost more than the rest
// of preparation.
const quantileSamples = 1 << 14

// quantile is about the value below which a share p of v lies, from an
// even sample of at most quantileSamples of its values (v is not
// changed); 0 for no values.
func quantile(v []float32, p float64) float32 {
	if len(v) == 0 {
		return 0
	}
	step := max(1, len(v)/quantileSamples)
	c := make([]float32, 0, len(v)/step+1)
	for i := 0; i < len(v); i += step {
		c = append(c, v[i])
	}
	return nth(c, min(len(c)-1, int(p*float64(len(c)))))
}

// nth is the value c[k] would hold were c sorted, found by selection
// (quickselect), which reorders c: for values that are not NaN (an
// image's never are), the same value sorting gives, at a fraction of the
// cost, for quantile's sample of every statistic of every upload. A run of
// bad pivots, which crafted values could force, ends in a sort of what is
// left, so that no image costs more than a few sorts.
func nth(c []float32, k int) float32 {
	lo, hi := 0, len(c) // c[k] is within [lo, hi)
	for rounds := 0; hi-lo > 16; rounds++ {
		if rounds > 2*bits.Len(uint(len(c))) {
			break
		}
		// The median of the first, middle and last values, then three
		// ways around it: below, equal (done, if k is there) and above.
		a, b, z := c[lo], c[lo+(hi-lo)/2], c[hi-1]
		pivot := max(min(a, b), min(max(a, b), z))
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch v := c[i]; {
			case v < pivot:
				c[lt], c[i] = c[i], c[lt]
				lt++
				i++
			case v > pivot:
				gt--
				c[gt], c[i] = c[i], c[gt]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return pivot
		}
	}
	slices.Sort(c[lo:hi])
	return c[k]
}
