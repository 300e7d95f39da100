package noise

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// CleanShare is the share of Blind's draws that leave the digit as it is,
// so that a model trained on them learns to leave a clean digit alone.
const CleanShare = 0.15

// Blind damages a digit (h×w) in a way drawn at random, the training input
// of a blind denoiser, which must clean whatever it is given: with
// probability CleanShare nothing, otherwise one to three of these, at a
// random strength each: thinner strokes, fainter ink, blur, a grey uneven
// background, one to three blanked blocks, JPEG blocking, Gaussian noise
// (factor 0–1), salt and pepper (0–50 %). They are applied in the order a
// digit meets them (the pen, the lens, the paper, the fingers, the file,
// the sensor). It returns what it did, for logs.
func Blind(dst, src []float32, h, w int, r *rand.Rand) string {
	copy(dst, src)
	if r.Float64() < CleanShare {
		return "clean"
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
			n, side := 1+r.IntN(3), 4+r.IntN(7)
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
	return strings.Join(did, ", ")
}
