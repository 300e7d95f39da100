//go:build gotch

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/evaluation"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/train/torchnet"
)

// Kind says what a model learns to give back.
type Kind string

// The models a run trains: the seed's two autoencoders of the same
// architecture, the digit reader that measures them, and the strong blind
// denoiser.
const (
	Denoising Kind = "dae"        // noisy input → clean image
	Plain     Kind = "ae"         // clean input → clean image
	Reader    Kind = "classifier" // clean input, varied (augment) → its digit (nn.ClassifierArch)
	Strong    Kind = "strong"     // input damaged by noise.Blind → clean image (Config.StrongArch)
)

// Config holds what a training run does; the flags fill it.
type Config struct {
	Arch         nn.Arch // the seed's autoencoders' (the reader's is nn.ClassifierArch)
	StrongArch   nn.Arch // the strong model's
	Epochs       int     // the seed's autoencoders' and the reader's
	StrongEpochs int     // the strong model's
	Batch        int
	LR           float64
	Schedule     string  // "cosine" (decay to 0 over the run) or "constant"
	Noise        float64 // Gaussian noise factor of the denoising model's inputs
	Seed         int64
	Threads      int
	Device       gotch.Device
	TrainSize    int // images of the training set used (all if 0)
	TestSize     int // images of the noisy test set measured after every epoch (all 10,000 if 0)
}

// archOf is the architecture of the model of that kind.
func (c Config) archOf(kind Kind) nn.Arch {
	switch kind {
	case Reader:
		return nn.ClassifierArch()
	case Strong:
		return c.StrongArch
	}
	return c.Arch
}

// epochsOf is the number of epochs the model of that kind trains.
func (c Config) epochsOf(kind Kind) int {
	if kind == Strong {
		return c.StrongEpochs
	}
	return c.Epochs
}

// Epoch is what one epoch measured.
type Epoch struct {
	Epoch     int
	TrainLoss float64        // mean loss over the epoch's batches: BCE, or cross-entropy for the reader
	Test      quality.Scores // on the fixed noisy test set (autoencoders)
	Accuracy  float64        // share of the clean test digits read right (the reader)
	Seconds   float64
	RSSMiB    float64 // resident memory after the epoch
}

// data is the training and test data in memory, as [0,1] floats.
type data struct {
	train      []float32 // N×784
	trainLabel []uint8   // their digits
	nTrain     int
	testClean  []float32
	testLabel  []uint8   // the test digits' digits
	testNoisy  []float32 // the fixed noisy test set
	testAll    int       // images in the whole test set
	rows, cols int
}

// trainer trains one model.
type trainer struct {
	cfg   Config
	kind  Kind
	arch  nn.Arch
	net   *torchnet.Net
	opt   *adam
	d     *data
	log   io.Writer
	epoch int     // epochs completed
	hist  []Epoch // what they measured
}

// Learning-rate schedules.
const (
	Constant = "constant"
	Cosine   = "cosine"
)

// errInterrupted is returned when the run's context ends mid-epoch.
var errInterrupted = errors.New("interrupted")

// lr is the learning rate for the next step: constant, or cosine-annealed
// from cfg.LR to 0 over the whole run.
func (t *trainer) lr() float64 {
	if t.cfg.Schedule != Cosine {
		return t.cfg.LR
	}
	total := float64(t.cfg.epochsOf(t.kind) * t.stepsPerEpoch())
	return t.cfg.LR * 0.5 * (1 + math.Cos(math.Pi*float64(t.opt.step)/total))
}

func (t *trainer) stepsPerEpoch() int { return (t.d.nTrain + t.cfg.Batch - 1) / t.cfg.Batch }

// newTrainer builds the model with libtorch's seeded initialisation, or
// with the state of ck when it is not nil.
func newTrainer(cfg Config, kind Kind, d *data, log io.Writer, ck *checkpoint) (*trainer, error) {
	torchnet.Seed(cfg.Seed)
	vs := gnn.NewVarStore(cfg.Device)
	arch := cfg.archOf(kind)
	net, err := torchnet.New(vs, arch)
	if err != nil {
		return nil, err
	}
	t := &trainer{cfg: cfg, kind: kind, arch: arch, net: net, d: d, log: log}
	params, err := torchnet.Params(vs, arch)
	if err != nil {
		return nil, err
	}
	if ck != nil {
		params = ck.params
		if err := torchnet.SetParams(vs, params); err != nil {
			return nil, err
		}
	}
	vars := map[string]*ts.Tensor{}
	for name, v := range vs.Variables() {
		vars[name] = &v
	}
	t.opt = newAdam(vars, params)
	if ck != nil {
		t.opt.m, t.opt.v, t.opt.step = ck.m, ck.v, ck.step
		t.epoch, t.hist = ck.epoch, ck.hist
	}
	return t, nil
}

// run trains the remaining epochs, calling after once per epoch (after the
// epoch's checkpoint is written, when save is not nil).
func (t *trainer) run(ctx context.Context, save func(*trainer) error, after func(Epoch)) error {
	for t.epoch < t.cfg.epochsOf(t.kind) {
		e := t.epoch + 1
		start := time.Now()
		loss, err := t.trainEpoch(ctx, e)
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		ep := Epoch{Epoch: e, TrainLoss: loss, Seconds: secs}
		if t.kind == Reader {
			ep.Accuracy, err = t.accuracy()
		} else {
			ep.Test, err = t.evaluate(t.d.testNoisy)
		}
		if err != nil {
			return err
		}
		debug.FreeOSMemory() // so that RSS shows what is live, not the Go heap's headroom
		ep.RSSMiB = rssMiB()
		t.epoch, t.hist = e, append(t.hist, ep)
		if save != nil {
			if err := save(t); err != nil {
				return fmt.Errorf("writing the checkpoint: %w", err)
			}
		}
		after(ep)
	}
	return nil
}

// stream returns the random stream for one use in one epoch: the shuffle
// (batch -1) or a batch's noise. Every stream depends only on the seed and
// its place, so a run resumed at an epoch draws what it would have drawn.
func (t *trainer) stream(epoch, batch int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(t.cfg.Seed), uint64(epoch)<<32|uint64(uint32(batch))))
}

// trainEpoch makes one pass over the training set in a shuffled order and
// returns the mean batch loss.
func (t *trainer) trainEpoch(ctx context.Context, e int) (float64, error) {
	d, n, size := t.d, t.d.nTrain, t.d.rows*t.d.cols
	perm := t.stream(e, -1).Perm(n)
	bar := progressbar.NewOptions(n,
		progressbar.OptionSetWriter(t.log),
		progressbar.OptionSetDescription(fmt.Sprintf("%s epoch %d/%d", t.kind, e, t.cfg.epochsOf(t.kind))),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("img"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	defer bar.Close()
	clean := make([]float32, 0, t.cfg.Batch*size)
	noisy := make([]float32, t.cfg.Batch*size)
	shape := func(k int) []int64 { return []int64{int64(k), 1, int64(d.rows), int64(d.cols)} }
	var total float64
	steps := 0
	for b, i := 0, 0; i < n; b, i = b+1, i+t.cfg.Batch {
		if ctx.Err() != nil {
			return 0, errInterrupted
		}
		idx := perm[i:min(i+t.cfg.Batch, n)]
		clean = clean[:0]
		for _, j := range idx {
			clean = append(clean, d.train[j*size:(j+1)*size]...)
		}
		input := clean
		switch t.kind {
		case Denoising:
			// clip(x + factor·N(0,1), 0, 1), fresh noise for every batch.
			input = noisy[:len(clean)]
			noise.Gaussian(input, clean, t.cfg.Noise, t.stream(e, b))
		case Strong:
			// A corruption drawn afresh for every image of every batch.
			input = noisy[:len(clean)]
			r := t.stream(e, b)
			for k := range idx {
				noise.Blind(input[k*size:(k+1)*size], clean[k*size:(k+1)*size], d.rows, d.cols, r)
			}
		case Reader:
			input = noisy[:len(clean)]
			r := t.stream(e, b)
			for k := range idx {
				augment(input[k*size:(k+1)*size], clean[k*size:(k+1)*size], d.rows, d.cols, r)
			}
		}
		x := ts.MustOfSlice(input).MustView(shape(len(idx)), true).MustTo(t.cfg.Device, true)
		var target, loss *ts.Tensor
		weight := ts.NewTensor()
		if t.kind == Reader {
			labels := make([]int64, len(idx))
			for k, j := range idx {
				labels[k] = int64(d.trainLabel[j])
			}
			target = ts.MustOfSlice(labels).MustTo(t.cfg.Device, true)
			logits := t.net.Logits(x)
			loss = logits.CrossEntropyForLogits(target) // mean; keeps logits, and with it the graph
			logits.MustDrop()
		} else {
			target = ts.MustOfSlice(clean).MustView(shape(len(idx)), true).MustTo(t.cfg.Device, true)
			loss = t.net.Forward(x).MustBinaryCrossEntropy(target, weight, 1, true) // 1: mean
		}
		if err := loss.Backward(); err != nil {
			return 0, err
		}
		t.opt.update(t.lr())
		v, err := loss.Float64Value(nil)
		if err != nil {
			return 0, err
		}
		total += v
		steps++
		for _, tt := range []*ts.Tensor{loss, weight, x, target} {
			tt.MustDrop()
		}
		_ = bar.Add(len(idx))
	}
	return total / float64(steps), nil
}

// accuracy is the share of the clean test digits the reader reads right.
func (t *trainer) accuracy() (float64, error) {
	probs, err := t.outputs(t.d.testClean)
	if err != nil {
		return 0, err
	}
	return evaluation.Accuracy(probs, t.d.testLabel), nil
}

// outputs runs images (N×784, back to back) through the model in batches,
// without gradients, and returns its outputs: reconstructions, or the
// reader's ten probabilities an image.
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

// params are the trained parameters (the optimizer's copy, which is what
// libtorch holds).
func (t *trainer) params() map[string]nn.Tensor { return t.opt.params }

// nTest is the number of test images.
func (d *data) nTest() int { return len(d.testClean) / (d.rows * d.cols) }

// testDigits says which test digits are measured: all of them, or the
// first few.
func (d *data) testDigits() string {
	if d.nTest() == d.testAll {
		return strconv.Itoa(d.testAll)
	}
	return fmt.Sprintf("first %d of %d", d.nTest(), d.testAll)
}

// loadData reads MNIST from dir and makes the fixed noisy test set (see
// evaluation.TestSet).
func loadData(dir string, trainSize, testSize int, noiseFactor float64) (*data, error) {
	tr, err := mnist.LoadFirst(dir, mnist.Train, trainSize)
	if err != nil {
		return nil, err
	}
	te, err := mnist.LoadFirst(dir, mnist.Test, testSize)
	if err != nil {
		return nil, err
	}
	test := evaluation.TestSet(te, 0, noiseFactor) // the set make eval measures on (its first testSize)
	return &data{rows: tr.Rows, cols: tr.Cols, nTrain: tr.Len(), train: tr.Floats(tr.Len()), trainLabel: tr.Labels,
		testClean: test.Clean, testNoisy: test.Noisy, testLabel: test.Labels, testAll: mnist.Test.Count}, nil
}
