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

// Corruptions are make eval's tables: the clean digits, and the kinds of
// damage the page offers and uploads bring, each at a moderate amount, with
// Gaussian noise weaker and stronger than the training noise besides. The
// strong model is measured on all of them (README, Results).
var Corruptions = []Corruption{
	{"none (the clean digits)", func(dst, src []float32, _, _ int, _ *rand.Rand) { copy(dst, src) }},
	Gaussian(0.25),
	Gaussian(0.5),
	Gaussian(1),
	{"salt and pepper, 20 % of the pixels", func(dst, src []float32, _, _ int, r *rand.Rand) { noise.SaltPepper(dst, src, 0.2, r) }},
	Block(8),
	Block(12),
	{"grey background 0.3, contrast 0.7, Gaussian noise 0.1", func(dst, src []float32, h, w int, r *rand.Rand) {
		noise.Background(dst, src, h, w, 0.3, 0, 0.7, r)
		noise.Gaussian(dst, dst, 0.1, r)
	}},
	{"Gaussian blur, σ 1 px", func(dst, src []float32, h, w int, _ *rand.Rand) { noise.Blur(dst, src, h, w, 1) }},
}
