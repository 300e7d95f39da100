package nn

import (
	"math"
	"math/rand/v2"
)

// RandomParams returns parameters for a with the same seeded values on every
// platform: weights uniform in ±1/√fan_in (PyTorch's default range for
// Conv2d and Linear) and biases likewise. It is meant for tests, benchmarks and as a
// starting point, not for inference.
func RandomParams(a Arch, seed uint64) map[string]Tensor {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	params := map[string]Tensor{}
	specs := a.Params()
	for i := 0; i < len(specs); i += 2 {
		w, b := specs[i], specs[i+1]
		bound := 1 / math.Sqrt(float64(shapeLen(w.Shape[1:]))) // fan-in: in·k·k, or in
		params[w.Name] = Tensor{Shape: w.Shape, Data: uniform(r, shapeLen(w.Shape), bound)}
		params[b.Name] = Tensor{Shape: b.Shape, Data: uniform(r, shapeLen(b.Shape), bound)}
	}
	return params
}

func uniform(r *rand.Rand, n int, bound float64) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32((2*r.Float64() - 1) * bound)
	}
	return s
}
