package classic

import "math"

// expNeg is e^-t for t ≥ 0, within 1e-8 of it relative: non-local means
// takes one per pixel and offset, and math.Exp, with its checks for every
// kind of argument, was most of its time. e^-t = 2^-k·e^r with
// k = round(t/ln 2) and |r| ≤ ln2/2, where the degree-7 Taylor polynomial
// of e^r is within (ln2/2)⁸/8! ≈ 5.3e-9 relative. Beyond t = 700 it is 0
// (e^-700 is below 1e-304; a weight that small changes no average).
func expNeg(t float64) float64 {
	if t > 700 {
		return 0
	}
	k := math.RoundToEven(t * math.Log2E)
	r := k*math.Ln2 - t
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720+r*(1.0/5040)))))))
	return p * math.Float64frombits(uint64(1023-int64(k))<<52)
}
