package evaluation

import (
	"fmt"
	"math/rand/v2"

	"github.com/godae/dae/noise"
)

// Corruption is one way of damaging a digit (h×w values in [0,1]), drawing
// from r.
type Corruption struct {
	Name  string
	Apply func(dst, src []float32, h, w int, r *rand.Rand)
}

// Gaussian is clip(x + factor·N(0,1), 0, 1), the training corruption.
func Gaussian(factor float64) Corruption {
	return Corruption{fmt.Sprintf("Gaussian noise, factor %g", factor), func(dst, src []float32, _, _ int, r *rand.Rand) {
		noise.Gaussian(dst, src, factor, r)
	}}
}

// Block blanks one side×side block at a random place: an occlusion.
func Block(side int) Corruption {
	return Corruption{fmt.Sprintf("one %d×%d block blanked", side, side), func(dst, src []float32, h, w int, r *rand.Rand) {
		noise.Occlude(dst, src, h, w, float64(side)/float64(min(h, w)), r)
	}}
}

// SaltPepper sets that share of the pixels to 0 or 1.
func SaltPepper(amount float64) Corruption {
	return Corruption{fmt.Sprintf("salt and pepper, %.0f %% of the pixels", 100*amount), func(dst, src []float32, _, _ int, r *rand.Rand) {
		noise.SaltPepper(dst, src, amount, r)
	}}
}

// GreyPaper puts the digit on an even grey background of that level, the
// ink rising contrast above it, with Gaussian noise of factor on top: a
// photo of paper, inverted.
func GreyPaper(level, contrast, factor float64) Corruption {
	return Corruption{fmt.Sprintf("grey background %g, contrast %g, Gaussian noise %g", level, contrast, factor), func(dst, src []float32, h, w int, r *rand.Rand) {
		noise.Background(dst, src, h, w, level, 0, contrast, r)
		noise.Gaussian(dst, dst, factor, r)
	}}
}

// Blur is a Gaussian blur of σ pixels.
func Blur(sigma float64) Corruption {
	return Corruption{fmt.Sprintf("Gaussian blur, σ %g px", sigma), func(dst, src []float32, h, w int, _ *rand.Rand) {
		noise.Blur(dst, src, h, w, sigma)
	}}
}

// Clean leaves the digits as they are.
var Clean = Corruption{"none (the clean digits)", func(dst, src []float32, _, _ int, _ *rand.Rand) { copy(dst, src) }}

// Corruptions are make eval's tables: the clean digits, and the kinds of
// damage the page offers and uploads bring, each at a moderate amount, with
// Gaussian noise weaker and stronger than the training noise besides. The
// strong model is measured on all of them (README, Results).
var Corruptions = []Corruption{
	Clean,
	Gaussian(0.25),
	Gaussian(0.5),
	Gaussian(1),
	SaltPepper(0.2),
	Block(8),
	Block(12),
	GreyPaper(0.3, 0.7, 0.1),
	Blur(1),
}
