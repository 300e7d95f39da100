package nn

import "math"

// sigmoids replaces each v in x with 1/(1+e^-v), correct to about one
// float32 ulp. It is computed in float64 with a short polynomial instead of
// math.Exp, whose argument checks and float64-exact result made it a large
// part of the last layer in the wasm build: e^t = 2^k·e^r with
// k = round(t/ln 2) and |r| ≤ ln2/2, where the degree-7 Taylor polynomial
// of e^r is within 5e-9 relative, far below float32's 6e-8. Outside ±110
// the result is 0 or 1 in float32 anyway, and the clamp keeps 2^k a normal
// float64. NaN gives NaN. The loop is written out here, not a call per
// element, because calls are dear in wasm.
func sigmoids(x []float32) {
	for i, v := range x {
		t := -float64(v)
		if t > 110 {
			t = 110
		} else if t < -110 {
			t = -110
		}
		k := math.RoundToEven(t * math.Log2E)
		r := t - k*math.Ln2
		p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720+r*(1.0/5040)))))))
		x[i] = float32(1 / (1 + p*math.Float64frombits(uint64(int64(k)+1023)<<52)))
	}
}
