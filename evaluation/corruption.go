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

// Corruptions are make eval's tables: the clean digits, and the kinds of
// damage the page offers (webapp.NoiseKinds) at a moderate amount.
var Corruptions = []Corruption{
	{"none (the clean digits)", func(dst, src []float32, _, _ int, _ *rand.Rand) { copy(dst, src) }},
	Gaussian(0.5),
	{"salt and pepper, 20 % of the pixels", func(dst, src []float32, _, _ int, r *rand.Rand) { noise.SaltPepper(dst, src, 0.2, r) }},
	{"one 8×8 block blanked", func(dst, src []float32, h, w int, r *rand.Rand) {
		noise.Occlude(dst, src, h, w, 8.0/float64(min(h, w)), r)
	}},
}
