//go:build gotch

package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/train/torchnet"
)

// Kind says what a model learns to give back.
type Kind string

// The two models trained from the same architecture.
const (
	Denoising Kind = "dae" // noisy input → clean image
	Plain     Kind = "ae"  // clean input → clean image
)

// Config holds what a training run does; the flags fill it.
type Config struct {
	Arch      nn.Arch
	Epochs    int
	Batch     int
	LR        float64
	Schedule  string  // "cosine" (decay to 0 over the run) or "constant"
	Noise     float64 // Gaussian noise factor of the denoising model's inputs
	Seed      int64
	Threads   int
	Device    gotch.Device
	TrainSize int // images of the training set used (all if 0)
}

// Epoch is what one epoch measured.
type Epoch struct {
	Epoch     int
	TrainLoss float64        // mean BCE over the epoch's batches
	Test      quality.Scores // on the fixed noisy test set
	Seconds   float64
	RSSMiB    float64 // resident memory after the epoch
}

// data is the training and test data in memory, as [0,1] floats.
type data struct {
	train      []float32 // N×784
	nTrain     int
	testClean  []float32
	testNoisy  []float32 // the fixed noisy test set
	rows, cols int
}

// trainer trains one model.
type trainer struct {
	cfg  Config
	kind Kind
	vs   *gnn.VarStore
	net  *torchnet.Net
	opt  *gnn.Optimizer
	d    *data
	log  io.Writer
	step int // optimizer steps taken
}

// Learning-rate schedules.
const (
	Constant = "constant"
	Cosine   = "cosine"
)

// lr is the learning rate for the next step: constant, or cosine-annealed
// from cfg.LR to 0 over the whole run.
func (t *trainer) lr() float64 {
	if t.cfg.Schedule != Cosine {
		return t.cfg.LR
	}
	perEpoch := (t.d.nTrain + t.cfg.Batch - 1) / t.cfg.Batch
	total := float64(t.cfg.Epochs * perEpoch)
	return t.cfg.LR * 0.5 * (1 + math.Cos(math.Pi*float64(t.step)/total))
}

func newTrainer(cfg Config, kind Kind, d *data, log io.Writer) (*trainer, error) {
	torchnet.Seed(cfg.Seed)
	vs := gnn.NewVarStore(cfg.Device)
	net, err := torchnet.New(vs, cfg.Arch)
	if err != nil {
		return nil, err
	}
	opt, err := gnn.DefaultAdamConfig().Build(vs, cfg.LR)
	if err != nil {
		return nil, fmt.Errorf("building Adam: %w", err)
	}
	return &trainer{cfg: cfg, kind: kind, vs: vs, net: net, opt: opt, d: d, log: log}, nil
}

// run trains for cfg.Epochs, calling after once per epoch.
func (t *trainer) run(after func(Epoch)) error {
	order := rand.New(rand.NewPCG(uint64(t.cfg.Seed), 0x5eed))
	for e := 1; e <= t.cfg.Epochs; e++ {
		start := time.Now()
		loss, err := t.epoch(e, order)
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		scores, err := t.evaluate(t.d.testNoisy)
		if err != nil {
			return err
		}
		debug.FreeOSMemory() // so that RSS shows what is live, not the Go heap's headroom
		after(Epoch{Epoch: e, TrainLoss: loss, Test: scores, Seconds: secs, RSSMiB: rssMiB()})
	}
	return nil
}

// epoch makes one pass over the training set in a shuffled order and
// returns the mean batch loss.
func (t *trainer) epoch(e int, order *rand.Rand) (float64, error) {
	d, n, size := t.d, t.d.nTrain, t.d.rows*t.d.cols
	perm := order.Perm(n)
	bar := progressbar.NewOptions(n,
		progressbar.OptionSetWriter(t.log),
		progressbar.OptionSetDescription(fmt.Sprintf("%s epoch %d/%d", t.kind, e, t.cfg.Epochs)),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("img"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	defer bar.Close()
	zero, one, factor := ts.FloatScalar(0), ts.FloatScalar(1), ts.FloatScalar(t.cfg.Noise)
	defer zero.MustDrop()
	defer one.MustDrop()
	defer factor.MustDrop()
	batch := make([]float32, 0, t.cfg.Batch*size)
	var total float64
	steps := 0
	for i := 0; i < n; i += t.cfg.Batch {
		idx := perm[i:min(i+t.cfg.Batch, n)]
		batch = batch[:0]
		for _, j := range idx {
			batch = append(batch, d.train[j*size:(j+1)*size]...)
		}
		clean := ts.MustOfSlice(batch).MustView([]int64{int64(len(idx)), 1, int64(d.rows), int64(d.cols)}, true).MustTo(t.cfg.Device, true)
		input := clean
		if t.kind == Denoising {
			// clip(x + factor·N(0,1), 0, 1), fresh noise for every batch.
			eps := ts.MustRandn(clean.MustSize(), gotch.Float, t.cfg.Device).MustMulScalar(factor, true)
			input = clean.MustAdd(eps, false).MustClamp(zero, one, true)
			eps.MustDrop()
		}
		t.opt.SetLR(t.lr())
		t.step++
		out := t.net.Forward(input)
		weight := ts.NewTensor()
		loss := out.MustBinaryCrossEntropy(clean, weight, 1, true) // 1: mean
		if err := t.opt.BackwardStep(loss); err != nil {
			return 0, err
		}
		v, err := loss.Float64Value(nil)
		if err != nil {
			return 0, err
		}
		total += v
		steps++
		loss.MustDrop()
		weight.MustDrop()
		if input != clean {
			input.MustDrop()
		}
		clean.MustDrop()
		_ = bar.Add(len(idx))
	}
	return total / float64(steps), nil
}

// outputs runs images (N×784, back to back) through the model in batches,
// without gradients, and returns the reconstructions.
func (t *trainer) outputs(images []float32) ([]float32, error) {
	const chunk = 1000
	size := t.d.rows * t.d.cols
	out := make([]float32, 0, len(images))
	torchnet.NoGrad(func() {
		for i := 0; i < len(images); i += chunk * size {
			part := images[i:min(i+chunk*size, len(images))]
			x := ts.MustOfSlice(part).MustView([]int64{int64(len(part) / size), 1, int64(t.d.rows), int64(t.d.cols)}, true).MustTo(t.cfg.Device, true)
			y := t.net.Forward(x).MustTo(gotch.CPU, true)
			vals := make([]float32, y.Numel())
			y.MustCopyData(vals, y.Numel())
			out = append(out, vals...)
			x.MustDrop()
			y.MustDrop()
		}
	})
	return out, nil
}

// evaluate scores the model's outputs for inputs against the clean test set.
func (t *trainer) evaluate(inputs []float32) (quality.Scores, error) {
	out, err := t.outputs(inputs)
	if err != nil {
		return quality.Scores{}, err
	}
	return quality.Measure(t.d.testClean, out, t.d.rows, t.d.cols), nil
}

// params copies the trained parameters out of libtorch.
func (t *trainer) params() (map[string]nn.Tensor, error) {
	return torchnet.Params(t.vs, t.cfg.Arch)
}

// loadData reads MNIST from dir and makes the fixed noisy test set: the
// test images with Gaussian noise drawn once from noise.TestSeed.
func loadData(dir string, trainSize int, noiseFactor float64) (*data, error) {
	tr, err := mnist.Load(dir, mnist.Train)
	if err != nil {
		return nil, err
	}
	te, err := mnist.Load(dir, mnist.Test)
	if err != nil {
		return nil, err
	}
	n := tr.Len()
	if trainSize > 0 && trainSize < n {
		n = trainSize
	}
	d := &data{rows: tr.Rows, cols: tr.Cols, nTrain: n, train: tr.Floats(n), testClean: te.Floats(te.Len())}
	d.testNoisy = make([]float32, len(d.testClean))
	noise.Gaussian(d.testNoisy, d.testClean, noiseFactor, noise.New(noise.TestSeed))
	return d, nil
}
