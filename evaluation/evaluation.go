// Package evaluation measures denoisers on MNIST's test digits, clean and
// under each of the page's corruptions (Corruptions, each drawn with a
// fixed seed): the autoencoders and the strong model (through the pure-Go
// engine) and the classical methods, each classical method with its
// parameter tuned on noisy training images; by PSNR, SSIM and how often
// the digit reader reads the output right, and the strong model's Margin
// over the 3×3 median's.
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
	"github.com/godae/dae/reader"
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
	return Corrupt(set, n, Gaussian(factor), noise.TestSeed)
}

// TuningSet is the first n MNIST training images with noise from another
// seed: the classical methods' parameters are chosen on it, not on the
// test set.
func TuningSet(set *mnist.Set, n int, factor float64) Data {
	return Corrupt(set, n, Gaussian(factor), noise.TestSeed+1)
}

// Corrupt is the first n images of set (all if n ≤ 0) with corruption c,
// drawn image after image from one generator seeded with seed.
func Corrupt(set *mnist.Set, n int, c Corruption, seed uint64) Data {
	if n <= 0 || n > set.Len() {
		n = set.Len()
	}
	d := Data{Clean: set.Floats(n), Labels: set.Labels[:n], H: set.Rows, W: set.Cols}
	d.Noisy = make([]float32, len(d.Clean))
	r, size := noise.New(seed), d.H*d.W
	for i := 0; i < n; i++ {
		c.Apply(d.Noisy[i*size:(i+1)*size], d.Clean[i*size:(i+1)*size], d.H, d.W, r)
	}
	return d
}

// Result is one denoiser's scores.
type Result struct {
	Name   string
	Param  string // the tuned parameter, for classical methods
	Scores quality.Scores
	// Read is the share of its outputs the digit reader reads as the digit
	// they were made from; -1 when no reader was given.
	Read float64
}

// parallel calls f for every image i < n on all cores; newWorker makes
// each goroutine's own state.
func parallel[W any](n int, newWorker func() W, f func(w W, i int)) {
	workers := min(runtime.NumCPU(), n)
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for i := g; i < n; i += workers {
				f(w, i)
			}
		}()
	}
	wg.Wait()
}

// Model scores an autoencoder on d: its outputs for the noisy images
// against the clean ones, and, when the digit reader rd is not nil, how
// many of them it reads as their digit.
func Model(name string, m *nn.Model, d Data, rd *nn.Model) (Result, error) {
	if s := m.InputShape(); s != (nn.Shape{C: 1, H: d.H, W: d.W}) || !m.Arch().IsAutoencoder() {
		return Result{}, fmt.Errorf("%s takes %s images to %s, not 1×%d×%d images to images", name, s, m.LatentShape(), d.H, d.W)
	}
	size := d.H * d.W
	out := make([]float32, len(d.Noisy))
	parallel(d.Len(), m.NewWorkspace, func(ws *nn.Workspace, i int) {
		_ = ws.Denoise(out[i*size:(i+1)*size], d.Noisy[i*size:(i+1)*size]) // sizes are right by construction
	})
	return score(name, out, d, rd)
}

// Identity scores the noisy images themselves.
func Identity(d Data, rd *nn.Model) (Result, error) {
	return score("input (untouched)", d.Noisy, d, rd)
}

// Classical applies m with parameter p to d and scores it.
func Classical(m classic.Method, p float64, d Data, rd *nn.Model) (Result, error) {
	size := d.H * d.W
	out := make([]float32, len(d.Noisy))
	parallel(d.Len(), func() struct{} { return struct{}{} }, func(_ struct{}, i int) {
		m.Apply(out[i*size:(i+1)*size], d.Noisy[i*size:(i+1)*size], d.H, d.W, p)
	})
	r, err := score(m.Name, out, d, rd)
	r.Param = fmt.Sprintf("%s = %g", m.Param, p)
	return r, err
}

// score measures out, a denoiser's outputs for d.Noisy, against d.Clean,
// and reads them with the digit reader rd if it is not nil.
func score(name string, out []float32, d Data, rd *nn.Model) (Result, error) {
	r := Result{Name: name, Scores: quality.Measure(d.Clean, out, d.H, d.W), Read: -1}
	if rd == nil {
		return r, nil
	}
	probs, err := Probabilities(rd, out, d.H, d.W)
	if err != nil {
		return Result{}, err
	}
	r.Read = Accuracy(probs, d.Labels)
	return r, nil
}

// Probabilities runs the digit reader r over images (h×w each, back to
// back), on all cores, and returns its reader.Digits probabilities an
// image.
func Probabilities(r *nn.Model, images []float32, h, w int) ([]float32, error) {
	if err := reader.Check(r); err != nil {
		return nil, err
	}
	if h*w != r.InputShape().Len() {
		return nil, fmt.Errorf("the images are %d×%d; the digit reader takes %s", h, w, r.InputShape())
	}
	const n = reader.Digits
	size := h * w
	probs := make([]float32, len(images)/size*n)
	parallel(len(images)/size, r.NewWorkspace, func(ws *nn.Workspace, i int) {
		_ = ws.Encode(probs[i*n:(i+1)*n], images[i*size:(i+1)*size]) // sizes are right by construction
	})
	return probs, nil
}

// Tune returns the parameter of m's grid with the best mean PSNR on d.
func Tune(m classic.Method, d Data) float64 {
	best, bestPSNR := m.Grid[0], -1.0
	for _, p := range m.Grid {
		if r, _ := Classical(m, p, d, nil); r.Scores.PSNR > bestPSNR {
			best, bestPSNR = p, r.Scores.PSNR
		}
	}
	return best
}
