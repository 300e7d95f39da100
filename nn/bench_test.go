package nn

import (
	"fmt"
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

// BenchmarkLayers times each layer of the default model on its own.
func BenchmarkLayers(b *testing.B) {
	m := defaultModel(b)
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < len(m.layers); i++ {
		l := &m.layers[i]
		// Laid out and fused as in forward; the input's border is not
		// zero, which changes nothing but the values.
		inPadded, pool := i > 0 && l.readsPadded(), m.fusesPool(i, len(m.layers))
		name := fmt.Sprintf("%02d-%s", i, l)
		if pool {
			i++
			name += fmt.Sprintf("+%02d-%s", i, &m.layers[i])
		}
		in, out := randSlice(r, m.maxLen), make([]float32, m.maxLen)
		pad, acc := make([]float32, m.padLen), make([]float32, m.accLen)
		lo := m.outLayout(i, len(m.layers))
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.apply(out, in, inPadded, pool, lo, pad, acc)
			}
		})
	}
}

// BenchmarkConvReference is the plain definition, for comparison.
func BenchmarkConvReference(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	s := Shape{16, 14, 14}
	in, w, bias := randSlice(r, s.Len()), randSlice(r, 8*16*9), randSlice(r, 8)
	out := make([]float32, 8*14*14)
	for b.Loop() {
		conv3x3Ref(out, in, s, w, bias, 8, false, ActReLU)
	}
}
