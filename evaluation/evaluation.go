// Package evaluation measures denoisers on the fixed noisy MNIST test set:
// the autoencoders (through the pure-Go engine) and the classical methods,
// each classical method with its parameter tuned on noisy training images.
package evaluation

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/quality"
)

// Data is a clean set and its noisy copy, h×w images back to back.
type Data struct {
	Clean, Noisy []float32
	Labels       []uint8 // each image's digit
	H, W         int
}

// Len is the number of images.
func (d Data) Len() int { return len(d.Clean) / (d.H * d.W) }

// TestSet is the first n MNIST test images (all if n ≤ 0) with Gaussian
// noise of factor, drawn from noise.TestSeed: the inputs every evaluation
// and the trainer's test metrics use.
func TestSet(set *mnist.Set, n int, factor float64) Data {
	return noisy(set, n, factor, noise.TestSeed)
}

// TuningSet is the first n MNIST training images with noise from another
// seed: the classical methods' parameters are chosen on it, not on the
// test set.
func TuningSet(set *mnist.Set, n int, factor float64) Data {
	return noisy(set, n, factor, noise.TestSeed+1)
}

func noisy(set *mnist.Set, n int, factor float64, seed uint64) Data {
	if n <= 0 || n > set.Len() {
		n = set.Len()
	}
	d := Data{Clean: set.Floats(n), Labels: set.Labels[:n], H: set.Rows, W: set.Cols}
	d.Noisy = make([]float32, len(d.Clean))
	noise.Gaussian(d.Noisy, d.Clean, factor, noise.New(seed))
	return d
}

// Result is one denoiser's scores.
type Result struct {
	Name   string
	Param  string // the tuned parameter, for classical methods
	Scores quality.Scores
}

// parallel applies f to every image of in (h×w each) on all cores,
// writing to out; newWorker makes each goroutine's own state.
func parallel[W any](out, in []float32, size int, newWorker func() W, f func(w W, dst, src []float32)) {
	n := len(in) / size
	workers := min(runtime.NumCPU(), n)
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for i := g; i < n; i += workers {
				f(w, out[i*size:(i+1)*size], in[i*size:(i+1)*size])
			}
		}()
	}
	wg.Wait()
}

// Model scores a model on d: its outputs for the noisy images against the
// clean ones.
func Model(name string, m *nn.Model, d Data) (Result, error) {
	if s := m.InputShape(); s != (nn.Shape{C: 1, H: d.H, W: d.W}) {
		return Result{}, fmt.Errorf("%s takes %s images, the data is 1×%d×%d", name, s, d.H, d.W)
	}
	out := make([]float32, len(d.Noisy))
	parallel(out, d.Noisy, d.H*d.W, m.NewWorkspace, func(ws *nn.Workspace, dst, src []float32) {
		_ = ws.Denoise(dst, src) // sizes are right by construction
	})
	return Result{Name: name, Scores: quality.Measure(d.Clean, out, d.H, d.W)}, nil
}

// Identity scores the noisy images themselves.
func Identity(d Data) Result {
	return Result{Name: "noisy input", Scores: quality.Measure(d.Clean, d.Noisy, d.H, d.W)}
}

// Classical applies m with parameter p to d and scores it.
func Classical(m classic.Method, p float64, d Data) Result {
	out := make([]float32, len(d.Noisy))
	parallel(out, d.Noisy, d.H*d.W, func() struct{} { return struct{}{} }, func(_ struct{}, dst, src []float32) {
		m.Apply(dst, src, d.H, d.W, p)
	})
	return Result{Name: m.Name, Param: fmt.Sprintf("%s = %g", m.Param, p), Scores: quality.Measure(d.Clean, out, d.H, d.W)}
}

// Tune returns the parameter of m's grid with the best mean PSNR on d.
func Tune(m classic.Method, d Data) float64 {
	best, bestPSNR := m.Grid[0], -1.0
	for _, p := range m.Grid {
		if s := Classical(m, p, d).Scores.PSNR; s > bestPSNR {
			best, bestPSNR = p, s
		}
	}
	return best
}
