//go:build gotch

package torchnet

import (
	"fmt"
	"testing"

	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/nn"
)

// BenchmarkLibtorchDenoise is the same forward pass as nn's
// BenchmarkDenoise and BenchmarkDenoiseParallel, in libtorch through
// gotch, without gradients: batch 1 and 256, on 1 thread and on all.
// Images per second = batch × ops per second.
func BenchmarkLibtorchDenoise(b *testing.B) {
	arch := nn.DefaultArch()
	vs := gnn.NewVarStore(gotch.CPU)
	net, err := New(vs, arch)
	if err != nil {
		b.Fatal(err)
	}
	defer SetThreads(Threads())
	for _, threads := range []int{1, 2} {
		for _, batch := range []int{1, 256} {
			b.Run(fmt.Sprintf("threads=%d/batch=%d", threads, batch), func(b *testing.B) {
				SetThreads(threads)
				x := ts.MustOfSlice(make([]float32, batch*784)).MustView([]int64{int64(batch), 1, 28, 28}, true)
				defer x.MustDrop()
				NoGrad(func() {
					for b.Loop() {
						y := net.Forward(x)
						y.MustDrop()
					}
				})
				b.ReportMetric(float64(batch)*float64(b.N)/b.Elapsed().Seconds(), "img/s")
			})
		}
	}
}
