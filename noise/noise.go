// Package noise corrupts images in [0,1] the ways the app and the training
// use: additive Gaussian noise clipped to [0,1] (the training corruption
// clip(x + factor·N(0,1), 0, 1)), salt-and-pepper and block occlusion; and
// the damage of photos, scans and files (blur, grey uneven backgrounds,
// faint or thin ink, JPEG blocking, several blocks), which Blind mixes for
// a blind denoiser's training.
// Every function draws from the *rand.Rand it is given, so a seed fixes the
// result on every platform.
package noise

import (
	"math/rand/v2"
)

// TestSeed is the seed of the fixed noisy test set: the noise drawn for the
// 10,000 MNIST test images once, so every evaluation sees the same inputs.
const TestSeed = 20150320

// New returns a generator seeded with seed.
func New(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x0a15e)) }

// Gaussian writes clip(src + factor·N(0,1), 0, 1) to dst.
func Gaussian(dst, src []float32, factor float64, r *rand.Rand) {
	for i, v := range src {
		dst[i] = clip01(float64(v) + factor*r.NormFloat64())
	}
}

// SaltPepper sets each pixel, with probability amount, to 0 or 1 (even
// odds), and copies the rest from src.
func SaltPepper(dst, src []float32, amount float64, r *rand.Rand) {
	for i, v := range src {
		switch u := r.Float64(); {
		case u < amount/2:
			dst[i] = 0
		case u < amount:
			dst[i] = 1
		default:
			dst[i] = v
		}
	}
}

// BlockSide is the side in pixels of the block Occlude blanks in an h×w
// image: fraction of its smaller side, at least one pixel when fraction > 0.
func BlockSide(h, w int, fraction float64) int {
	side := int(fraction*float64(min(h, w)) + 0.5)
	if fraction > 0 && side < 1 {
		side = 1
	}
	return max(0, min(side, h, w))
}

// Occlude copies src (h×w) to dst and blanks a square block whose side is
// fraction of the smaller side (BlockSide), at a random place.
func Occlude(dst, src []float32, h, w int, fraction float64, r *rand.Rand) {
	copy(dst, src)
	side := BlockSide(h, w, fraction)
	if side <= 0 {
		return
	}
	y0, x0 := r.IntN(h-side+1), r.IntN(w-side+1)
	for y := y0; y < y0+side; y++ {
		for x := x0; x < x0+side; x++ {
			dst[y*w+x] = 0
		}
	}
}

func clip01(v float64) float32 {
	if v < 0 {
		return 0
	}
	if v > 1 {
		return 1
	}
	return float32(v)
}
