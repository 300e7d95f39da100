package nn

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkDenoise is batch-1 latency on one goroutine.
func BenchmarkDenoise(b *testing.B) {
	m := defaultModel(b)
	ws := m.NewWorkspace()
	in, out := make([]float32, 784), make([]float32, 784)
	b.ReportAllocs()
	for b.Loop() {
		if err := ws.Denoise(out, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDenoiseParallel is throughput with a worker (and a Workspace)
// per core; images/s is b.N per second.
func BenchmarkDenoiseParallel(b *testing.B) {
	m := defaultModel(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ws := m.NewWorkspace()
		in, out := make([]float32, 784), make([]float32, 784)
		for pb.Next() {
			if err := ws.Denoise(out, in); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "img/s")
}

// BenchmarkDenoiseBatch256 is one goroutine running batches of 256.
func BenchmarkDenoiseBatch256(b *testing.B) {
	m := defaultModel(b)
	ws := m.NewWorkspace()
	in, out := make([]float32, 256*784), make([]float32, 256*784)
	b.ReportAllocs()
	for b.Loop() {
		if err := ws.DenoiseBatch(out, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(256*float64(b.N)/b.Elapsed().Seconds(), "img/s")
}

// BenchmarkLayers times each step of the default model on its own, as
// forward runs it (the input's padding border is not zero, which changes
// nothing but the values).
func BenchmarkLayers(b *testing.B) {
	m := defaultModel(b)
	r := rand.New(rand.NewPCG(1, 1))
	for i := range m.denoise {
		s := &m.denoise[i]
		in, out := randSlice(r, m.maxLen), make([]float32, m.maxLen)
		pad, acc := make([]float32, m.padLen), make([]float32, m.accLen)
		b.Run(s.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.run(out, in, pad, acc)
			}
		})
	}
}

// BenchmarkConvReference is the plain definition (in float64, with its
// rounding bound), for comparison.
func BenchmarkConvReference(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	s := Shape{16, 14, 14}
	in, w, bias := exactly(randSlice(r, s.Len())), randSlice(r, 8*16*9), randSlice(r, 8)
	for b.Loop() {
		conv3x3Ref(in, s, w, bias, 8, false, ActReLU)
	}
}
