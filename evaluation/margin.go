package evaluation

import (
	"github.com/godae/dae/classic"
	"github.com/godae/dae/nn"
)

// VisiblyDamaged is the PSNR (dB) below which an input counts as visibly
// damaged: a denoiser must then do better than leaving it alone.
const VisiblyDamaged = 20.0

// Median3 scores the 3×3 median filter on d: the baseline every denoiser
// must beat on every corruption, untuned, as a user would apply it.
func Median3(d Data, rd *nn.Model) (Result, error) {
	return Classical(classic.Method{Name: "median filter 3×3", Param: "radius (px)", Apply: func(dst, src []float32, h, w int, _ float64) {
		classic.Median(dst, src, h, w, 1)
	}}, 1, d, rd)
}

// Margin is how far a denoiser's result is above its baselines on one
// corruption, in dB of PSNR: above the 3×3 median filter's, and above the
// untouched input's where the input is visibly damaged.
func Margin(input, median, denoised Result) float64 {
	base := median.Scores.PSNR
	if input.Scores.PSNR < VisiblyDamaged {
		base = max(base, input.Scores.PSNR)
	}
	return denoised.Scores.PSNR - base
}
