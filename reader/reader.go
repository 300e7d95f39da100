// Package reader holds what the digit reader's outputs mean: the reader
// (nn.ClassifierArch, weights/classifier.safetensors) gives, for a 28×28
// digit, the probability of each of the ten digits, and a [Reading] is
// what it sees. The page shows readings under its pictures; make eval
// counts them. It is its own small package so that the page links it
// without the evaluation's code.
package reader

import (
	"fmt"
	"slices"

	"github.com/godae/dae/nn"
)

// Digits is how many classes the reader tells apart: 0 to 9.
const Digits = 10

// Reading is what the reader sees in one image: the most probable digit,
// its probability and, where the reader's sums were read (OfSums), its
// score.
type Reading struct {
	Digit int
	P     float64
	// Score is the reader's sum for Digit before its softmax (the logit):
	// how much of that digit it sees, which P, a share of the ten, does
	// not say. A letter is read as some digit, often surely, but with a
	// low score. Scored says it was read (OfSums); Of has the
	// probabilities alone, and leaves both zero.
	Score  float64
	Scored bool
}

// Faint says whether the reading was scored, under Faint.
func (r Reading) Faint() bool { return r.Scored && r.Score < Faint }

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

// Faint is the Score under which the reader sees little of any digit. A
// letter, a symbol or a doodle is read as some digit, often at over 90 %,
// but scores low: the page says of an upload scored under Faint before
// and after denoising that it does not look much like a digit. Of
// generated pictures of letters and symbols that look like no digit, a
// third score under it before and after the strong model; of generated
// digit uploads, and of MNIST's test digits as they are, about 1 in 300
// (webapp's TestNotADigit and digitprep's TestUploadsArePreparedAsMNIST
// hold the letters and the uploads). At 3, an eighth more letters scored
// under it, and half as many again of MNIST's test digits.
const Faint = 2.5

// OfSums is the reading of one image's Digits sums before the reader's
// softmax (from the reader's nn.Model.Logits): its probabilities as the
// reader gives them, to the bit, and the digit's sum as its Score.
func OfSums(z []float32) Reading {
	probs := slices.Clone(z)
	nn.Softmax(probs)
	r := Of(probs)
	r.Score, r.Scored = float64(z[r.Digit]), true
	return r
}

// Check returns an error unless m is a digit reader: an encoder alone
// taking 1×28×28 images to Digits probabilities, by a softmax, so that
// its sums before it (nn.Model.Logits) can be read too.
func Check(m *nn.Model) error {
	in, out := m.InputShape(), m.LatentShape()
	if in != (nn.Shape{C: 1, H: 28, W: 28}) || m.Arch().IsAutoencoder() || out.Len() != Digits {
		return fmt.Errorf("the digit reader takes %s images to %s; a reader takes 1×28×28 images to %d probabilities", in, out, Digits)
	}
	if _, ok := m.Logits(); !ok {
		enc := m.Arch().Encoder
		return fmt.Errorf("the digit reader's last layer ends in %q; a reader's ends in %q, which gives the probabilities", enc[len(enc)-1].Activation, nn.ActSoftmax)
	}
	return nil
}
