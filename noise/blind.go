package noise

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// CleanShare is the share of Blind's draws that leave the digit as it is,
// so that a model trained on them learns to leave a clean digit alone.
const CleanShare = 0.15

// GaussianShare is the share of Blind's draws that are Gaussian noise
// alone, of a factor drawn from 0 to 1: the commonest damage of all (a
// sensor's, and the page's default), which combinations of damages teach
// a model less well.
const GaussianShare = 0.35

// NoiseShare is the share of Blind's damaged digits that get Gaussian
// noise on top of their other damage when it was not drawn already: a
// sensor's noise comes with whatever else a photo suffers.
const NoiseShare = 0.5

// The sides of Blind's blanked blocks, in pixels.
const minBlock, maxBlock = 4, 14

// BlindDescription says in a sentence what Blind does, for the metadata
// of a model trained on it (and the fingerprint of its checkpoints).
var BlindDescription = fmt.Sprintf("the clean image, unchanged in %.0f %% of draws, with Gaussian noise alone (factor 0–1) in %.0f %%, otherwise damaged by one to three of: thinner strokes, fainter ink, blur (σ 0.5–1.5), a grey uneven background of low contrast, one to three blanked blocks (%d–%d px), JPEG q10–40, Gaussian noise (factor 0–1), salt and pepper (0–50 %%), each at a random strength, then Gaussian noise (factor 0–1) on top in %.0f %% of the draws without it, drawn afresh for every image (noise.Blind)",
	100*CleanShare, 100*GaussianShare, minBlock, maxBlock, 100*NoiseShare)

// Blind damages a digit (h×w) in a way drawn at random, the training input
// of a blind denoiser, which must clean whatever it is given: with
// probability CleanShare nothing, with probability GaussianShare Gaussian
// noise alone (factor 0–1), otherwise one to three of these, at a
// random strength each: thinner strokes, fainter ink, blur, a grey uneven
// background, one to three blanked blocks, JPEG blocking, Gaussian noise
// (factor 0–1), salt and pepper (0–50 %); and then, in NoiseShare of
// the draws without Gaussian noise, Gaussian noise of any factor 0–1 on
// top. They are applied in the order a
// digit meets them (the pen, the lens, the paper, the fingers, the file,
// the sensor). It returns what it did, for logs.
func Blind(dst, src []float32, h, w int, r *rand.Rand) string {
	copy(dst, src)
	switch u := r.Float64(); {
	case u < CleanShare:
		return "clean"
	case u < CleanShare+GaussianShare:
		f := r.Float64()
		Gaussian(dst, dst, f, r)
		return fmt.Sprintf("Gaussian %.2f", f)
	}
	const kinds = 8
	chosen := map[int]bool{}
	for n := 1 + r.IntN(3); len(chosen) < n; {
		chosen[r.IntN(kinds)] = true
	}
	var did []string
	for k := 0; k < kinds; k++ {
		if !chosen[k] {
			continue
		}
		switch k {
		case 0:
			a := 0.3 + 0.7*r.Float64()
			Thin(dst, dst, h, w, a)
			did = append(did, fmt.Sprintf("thin %.2f", a))
		case 1:
			f := 0.3 + 0.5*r.Float64()
			Faint(dst, dst, f)
			did = append(did, fmt.Sprintf("faint %.2f", f))
		case 2:
			s := 0.5 + r.Float64()
			Blur(dst, dst, h, w, s)
			did = append(did, fmt.Sprintf("blur σ %.2f", s))
		case 3:
			level, grad, contrast := 0.4*r.Float64(), 0.3*r.Float64(), 0.3+0.7*r.Float64()
			Background(dst, dst, h, w, level, grad, contrast, r)
			did = append(did, fmt.Sprintf("background %.2f±%.2f contrast %.2f", level, grad, contrast))
		case 4:
			n, side := 1+r.IntN(3), minBlock+r.IntN(maxBlock-minBlock+1)
			Blocks(dst, dst, h, w, n, side, r)
			did = append(did, fmt.Sprintf("blocks: %d of %d×%d", n, side, side))
		case 5:
			q := 10 + r.IntN(31)
			JPEG(dst, dst, h, w, q)
			did = append(did, fmt.Sprintf("JPEG q%d", q))
		case 6:
			f := r.Float64()
			Gaussian(dst, dst, f, r)
			did = append(did, fmt.Sprintf("Gaussian %.2f", f))
		case 7:
			a := 0.5 * r.Float64()
			SaltPepper(dst, dst, a, r)
			did = append(did, fmt.Sprintf("salt and pepper %.0f %%", 100*a))
		}
	}
	if !chosen[6] && r.Float64() < NoiseShare {
		f := r.Float64()
		Gaussian(dst, dst, f, r)
		did = append(did, fmt.Sprintf("Gaussian %.2f", f))
	}
	return strings.Join(did, ", ")
}
