// Package quality measures how close a reconstructed image is to the clean
// one: PSNR, SSIM and binary cross-entropy, for images with values in [0,1].
// The definitions follow scikit-image (peak_signal_noise_ratio and
// structural_similarity with their defaults, data_range 1) and PyTorch
// (binary_cross_entropy, mean reduction), so numbers compare with theirs.
package quality

import "math"

// MaxPSNR is the PSNR reported for identical images, whose MSE is 0.
const MaxPSNR = 100.0

// PSNR is 10·log10(1/MSE) in dB for images with data range 1, capped at
// MaxPSNR.
func PSNR(clean, test []float32) float64 {
	var se float64
	for i, c := range clean {
		d := float64(test[i]) - float64(c)
		se += d * d
	}
	if se == 0 {
		return MaxPSNR
	}
	return math.Min(MaxPSNR, 10*math.Log10(float64(len(clean))/se))
}

// BCE is the mean binary cross-entropy of predictions p against targets y,
// with PyTorch's clamp of each log at -100. A prediction outside [0, 1],
// which PyTorch refuses (a classical filter's output may overshoot a
// little), is taken at the nearer bound: its log would be NaN.
func BCE(y, p []float32) float64 {
	var s float64
	for i, t := range y {
		q := math.Min(1, math.Max(0, float64(p[i])))
		lp := math.Max(math.Log(q), -100)
		lq := math.Max(math.Log(1-q), -100)
		s -= float64(t)*lp + (1-float64(t))*lq
	}
	return s / float64(len(y))
}

// SSIM window side and constants (scikit-image defaults).
const (
	ssimWin = 7
	k1, k2  = 0.01, 0.03
)

// SSIM is the mean structural similarity of two h×w images with data range
// 1, as scikit-image computes it by default: 7×7 uniform windows, sample
// covariances, averaged over the windows that lie wholly inside the image.
func SSIM(clean, test []float32, h, w int) float64 {
	if h < ssimWin || w < ssimWin {
		return math.NaN()
	}
	const np = ssimWin * ssimWin
	const cov = float64(np) / (np - 1)
	c1, c2 := k1*k1, k2*k2
	var total float64
	for y := 0; y+ssimWin <= h; y++ {
		for x := 0; x+ssimWin <= w; x++ {
			var sx, sy, sxx, syy, sxy float64
			for dy := 0; dy < ssimWin; dy++ {
				row := (y+dy)*w + x
				for dx := 0; dx < ssimWin; dx++ {
					a, b := float64(clean[row+dx]), float64(test[row+dx])
					sx += a
					sy += b
					sxx += a * a
					syy += b * b
					sxy += a * b
				}
			}
			ux, uy := sx/np, sy/np
			vx := cov * (sxx/np - ux*ux)
			vy := cov * (syy/np - uy*uy)
			vxy := cov * (sxy/np - ux*uy)
			total += (2*ux*uy + c1) * (2*vxy + c2) / ((ux*ux + uy*uy + c1) * (vx + vy + c2))
		}
	}
	return total / float64((h-ssimWin+1)*(w-ssimWin+1))
}

// Scores are mean per-image metrics over a set.
type Scores struct {
	PSNR, SSIM, BCE float64
	N               int
}

// Measure averages the metrics over n images of h×w held back to back in
// clean and test.
func Measure(clean, test []float32, h, w int) Scores {
	size := h * w
	n := len(clean) / size
	var s Scores
	for i := 0; i < n; i++ {
		c, t := clean[i*size:(i+1)*size], test[i*size:(i+1)*size]
		s.PSNR += PSNR(c, t)
		s.SSIM += SSIM(c, t, h, w)
		s.BCE += BCE(c, t)
	}
	s.N = n
	s.PSNR /= float64(n)
	s.SSIM /= float64(n)
	s.BCE /= float64(n)
	return s
}
