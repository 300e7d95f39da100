// Package classic holds the classical denoisers the autoencoder is measured
// against: Gaussian blur, median filter, total-variation denoising
// (Chambolle's projection algorithm, as scikit-image's denoise_tv_chambolle)
// and non-local means. Each works on one h×w float32 image in [0,1] and
// takes one strength parameter; [Methods] lists them with the parameter
// grids the evaluation tunes over.
//
// They operate on float planes rather than 8-bit images so that no
// quantisation error is added to what they are compared on.
package classic

import (
	"fmt"
	"math"
	"slices"
)

// Method is a denoiser with one strength parameter.
type Method struct {
	Name  string
	Param string    // what the parameter is
	Grid  []float64 // the values the evaluation tries
	Apply func(dst, src []float32, h, w int, p float64)
}

// Methods are the classical denoisers, with their parameter grids.
var Methods = []Method{
	{"Gaussian blur", "σ (px)", []float64{0.5, 0.75, 1, 1.25, 1.5, 2}, GaussianBlur},
	{"median filter", "radius (px)", []float64{1, 2}, func(dst, src []float32, h, w int, p float64) { Median(dst, src, h, w, int(p)) }},
	{"total variation", "weight", []float64{0.1, 0.2, 0.3, 0.5, 0.8, 1.2}, TV},
	{"non-local means", "h", []float64{0.08, 0.12, 0.16, 0.2, 0.3, 0.5}, NLMeans},
}

// reflect maps an index outside [0,n) back inside, mirroring at the edges
// (scipy's 'reflect': d c b a | a b c d | d c b a).
func reflect(i, n int) int {
	for i < 0 || i >= n {
		if i < 0 {
			i = -i - 1
		}
		if i >= n {
			i = 2*n - i - 1
		}
	}
	return i
}

// GaussianBlur convolves with a Gaussian of standard deviation sigma,
// truncated at 4σ, separably, with mirrored edges.
func GaussianBlur(dst, src []float32, h, w int, sigma float64) {
	r := int(4*sigma + 0.5)
	k := make([]float64, 2*r+1)
	var sum float64
	for i := range k {
		x := float64(i - r)
		k[i] = math.Exp(-x * x / (2 * sigma * sigma))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	tmp := make([]float64, h*w)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var s float64
			for i, kv := range k {
				s += kv * float64(src[y*w+reflect(x+i-r, w)])
			}
			tmp[y*w+x] = s
		}
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var s float64
			for i, kv := range k {
				s += kv * tmp[reflect(y+i-r, h)*w+x]
			}
			dst[y*w+x] = float32(s)
		}
	}
}

// Median replaces each pixel by the median of the (2r+1)×(2r+1) window
// around it, with mirrored edges.
func Median(dst, src []float32, h, w, r int) {
	win := make([]float32, 0, (2*r+1)*(2*r+1))
	out := make([]float32, h*w)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			win = win[:0]
			for dy := -r; dy <= r; dy++ {
				for dx := -r; dx <= r; dx++ {
					win = append(win, src[reflect(y+dy, h)*w+reflect(x+dx, w)])
				}
			}
			slices.Sort(win)
			out[y*w+x] = win[len(win)/2]
		}
	}
	copy(dst, out)
}

// TV is total-variation denoising by Chambolle's projection algorithm, with
// scikit-image's defaults (stop when the energy changes by less than 2e-4
// of its first value, at most 200 iterations). A larger weight smooths more.
func TV(dst, src []float32, h, w int, weight float64) {
	const eps, maxIter = 2e-4, 200
	const tau = 0.25 // 1/(2·ndim)
	n := h * w
	img := make([]float64, n)
	for i, v := range src {
		img[i] = float64(v)
	}
	out := slices.Clone(img)
	px, py := make([]float64, n), make([]float64, n) // dual variable along x and y
	gx, gy := make([]float64, n), make([]float64, n)
	d := make([]float64, n)
	var eInit, ePrev float64
	for it := 0; it < maxIter; it++ {
		if it > 0 {
			for y := 0; y < h; y++ {
				for x := 0; x < w; x++ {
					i := y*w + x
					d[i] = -(px[i] + py[i])
					if y > 0 {
						d[i] += py[i-w]
					}
					if x > 0 {
						d[i] += px[i-1]
					}
					out[i] = img[i] + d[i]
				}
			}
		}
		var e float64
		for _, v := range d {
			e += v * v
		}
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				gx[i], gy[i] = 0, 0
				if y < h-1 {
					gy[i] = out[i+w] - out[i]
				}
				if x < w-1 {
					gx[i] = out[i+1] - out[i]
				}
				norm := math.Sqrt(gx[i]*gx[i] + gy[i]*gy[i])
				e += weight * norm
				norm = 1 + norm*tau/weight
				px[i] = (px[i] - tau*gx[i]) / norm
				py[i] = (py[i] - tau*gy[i]) / norm
			}
		}
		e /= float64(n)
		if it == 0 {
			eInit, ePrev = e, e
		} else if math.Abs(ePrev-e) < eps*eInit {
			break
		} else {
			ePrev = e
		}
	}
	for i, v := range out {
		dst[i] = float32(v)
	}
}

// Find returns the method of that name.
func Find(name string) (Method, error) {
	for _, m := range Methods {
		if m.Name == name {
			return m, nil
		}
	}
	return Method{}, fmt.Errorf("no classical method %q", name)
}
