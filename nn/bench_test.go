package nn

import (
	"testing"
)

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
