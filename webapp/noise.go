package webapp

import (
	"fmt"
	"math"

	"github.com/godae/dae/noise"
)

// Noise kinds the page offers.
const (
	Gaussian   = "gaussian"
	SaltPepper = "saltpepper"
	Occlusion  = "occlusion"
)

// NoiseKinds lists the kinds with their labels, in the order the page shows them.
var NoiseKinds = []struct{ Kind, Label string }{
	{Gaussian, "Gaussian (as in training)"},
	{SaltPepper, "salt and pepper"},
	{Occlusion, "block occlusion"},
}

// Noise is what the person chose: a kind, an amount in [0,1] and the seed of
// the current draw (the re-roll button changes it).
type Noise struct {
	Kind   string
	Amount float64
	Seed   uint64
}

// AmountStep is the amount slider's step, in hundredths: the amounts the
// page offers are 0, 0.05, 0.1, … 1.
const AmountStep = 5

// amountStep is which of the slider's steps amount a is (0 for 0, 20 for
// 1), and whether it is one: as the slider gives it (55/100, a hair over
// 0.55 × 100 / AmountStep), or as an address writes it.
func amountStep(a float64) (int, bool) {
	steps := math.Round(100 * a / AmountStep)
	if math.IsNaN(a) || a < 0 || a > 1 || math.Abs(100*a-AmountStep*steps) > 1e-6 {
		return 0, false
	}
	return int(steps), true
}

// maxBlock is the side of the page's largest occluding block, as a share
// of the digit's: 17 of 28 pixels.
const maxBlock = 0.6

// AmountSays says what the amount is for the noise's kind, in words with its
// value: the slider alone is a number from 0 to 1 that means another thing
// for each kind.
func (n Noise) AmountSays() string {
	if n.Amount == 0 {
		// Every denoiser's output is then worse than its input, which a
		// newcomer took for a fault: the code keeps only so much.
		return "no noise: the digit as it is, which no autoencoder gives back exactly (its code keeps only so much of it), so every denoised digit scores below it"
	}
	switch n.Kind {
	case SaltPepper:
		return fmt.Sprintf("%.0f %% of the pixels turned black or white", 100*n.Amount)
	case Occlusion:
		s := noise.BlockSide(Side, Side, n.Amount*maxBlock)
		return fmt.Sprintf("a block of %d×%d pixels blanked", s, s)
	}
	return fmt.Sprintf("noise of standard deviation %.2f added to each pixel", n.Amount)
}

// Random says whether what n does depends on its Seed: not at an amount of
// 0, no noise at all (every kind's, a block's too), where a re-roll would
// change nothing but the address.
func (n Noise) Random() bool { return n.Amount > 0 }

// DefaultNoise is Gaussian noise of factor 0.5, as in training.
func DefaultNoise() Noise { return Noise{Kind: Gaussian, Amount: 0.5, Seed: 1} }

// Apply returns clean (Side×Side) corrupted by n; the same Noise gives the same
// result.
func (n Noise) Apply(clean []float32) ([]float32, error) {
	if !(n.Amount >= 0 && n.Amount <= 1) { // NaN too
		return nil, fmt.Errorf("noise amount %g is outside 0 to 1", n.Amount)
	}
	out := make([]float32, len(clean))
	r := noise.New(n.Seed)
	switch n.Kind {
	case Gaussian:
		noise.Gaussian(out, clean, n.Amount, r)
	case SaltPepper:
		noise.SaltPepper(out, clean, n.Amount, r)
	case Occlusion:
		noise.Occlude(out, clean, Side, Side, n.Amount*maxBlock, r)
	default:
		return nil, fmt.Errorf("noise kind %q is unknown", n.Kind)
	}
	return out, nil
}
