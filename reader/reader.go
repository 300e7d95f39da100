// Package reader holds what the digit reader's outputs mean: the reader
// (nn.ClassifierArch, weights/classifier.safetensors) gives, for a 28×28
// digit, the probability of each of the ten digits, and a [Reading] is
// what it sees. The page shows readings under its pictures; make eval
// counts them. It is its own small package so that the page links it
// without the evaluation's code.
package reader

import (
	"fmt"

	"github.com/godae/dae/nn"
)

// Digits is how many classes the reader tells apart: 0 to 9.
const Digits = 10

// Reading is what the reader sees in one image: the most probable digit
// and its probability.
type Reading struct {
	Digit int
	P     float64
}

// String is e.g. "7 (41 %)".
func (r Reading) String() string { return fmt.Sprintf("%d (%.0f %%)", r.Digit, 100*r.P) }

// Of is the reading of one image's Digits probabilities: the most probable
// digit, the first of equals.
func Of(probs []float32) Reading {
	best := 0
	for d, p := range probs {
		if p > probs[best] {
			best = d
		}
	}
	return Reading{Digit: best, P: float64(probs[best])}
}

// Check returns an error unless m is a digit reader: an encoder alone
// taking 1×28×28 images to Digits probabilities.
func Check(m *nn.Model) error {
	in, out := m.InputShape(), m.LatentShape()
	if in != (nn.Shape{C: 1, H: 28, W: 28}) || m.Arch().IsAutoencoder() || out.Len() != Digits {
		return fmt.Errorf("the digit reader takes %s images to %s; a reader takes 1×28×28 images to %d probabilities", in, out, Digits)
	}
	return nil
}
