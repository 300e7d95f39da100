//go:build gotch

package main

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/internal/hostile"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/train/torchnet"
	"github.com/godae/dae/weights"
)

// opts are the options of a test run writing to out, with its own
// checkpoint folder.
func opts(t *testing.T, out, models string) options {
	return options{outDir: out, models: models, checkpoints: filepath.Join(t.TempDir(), "checkpoints")}
}

func shortConfig() Config {
	return Config{Arch: nn.DefaultArch(), StrongArch: nn.StrongArch(), Epochs: 2, StrongEpochs: 2, Batch: 32, LR: 3e-3, Schedule: Cosine, Noise: 0.5, Seed: 7, Threads: 2, TrainSize: 320, TestSize: 500}
}

func TestShortTraining(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	out := t.TempDir()
	rep, err := run(context.Background(), shortConfig(), opts(t, out, "dae,ae"))
	require.NoError(t, err)
	require.Len(t, rep.runs, 2)
	for _, r := range rep.runs {
		h := r.hist
		require.Len(t, h, 2)
		t.Logf("%s: loss %.4f → %.4f, test PSNR %.2f → %.2f dB", r.kind, h[0].TrainLoss, h[1].TrainLoss, h[0].Test.PSNR, h[1].Test.PSNR)
		assert.Less(t, h[1].TrainLoss, h[0].TrainLoss, "%s: the loss goes down", r.kind)
	}
	for _, name := range []string{"dae.safetensors", "ae.safetensors", reportFile, figureFile} {
		assert.FileExists(t, filepath.Join(out, name))
	}

	f, err := weights.Read(filepath.Join(out, "dae.safetensors"))
	require.NoError(t, err)
	for _, key := range []string{"arch", "model", "data", "input", "target", "loss", "optimizer", "epochs", "batch_size", "seed",
		"threads", "device", "libraries", "commit", "test_set", "test_psnr_db", "test_ssim", "test_bce", "final_loss"} {
		assert.NotEmpty(t, f.Metadata[key], "metadata %q", key)
	}
	assert.Equal(t, "2", f.Metadata["epochs"])
	assert.Equal(t, "denoising autoencoder", f.Metadata["model"])

	// The written file runs in nn as it runs in libtorch: both within the
	// rounding bounds of the model's definition, layer by layer.
	clean := testDigits(t, 16)
	x := make([]float32, len(clean))
	noise.Gaussian(x, clean, 0.5, noise.New(1))
	checkRunsAlike(t, f, x)
}

// testDigits are the first n MNIST test digits, back to back.
func testDigits(t *testing.T, n int) []float32 {
	t.Helper()
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	return test.Floats(n)
}

// checkRunsAlike checks that the weights in f run in libtorch and in nn
// within the rounding bounds of the model's definition, layer by layer, on
// the 28×28 images x.
func checkRunsAlike(t *testing.T, f *weights.File, x []float32) {
	t.Helper()
	vs := gnn.NewVarStore(gotch.CPU)
	net, err := torchnet.New(vs, f.Arch)
	require.NoError(t, err)
	require.NoError(t, torchnet.SetParams(vs, f.Tensors))
	var libtorch [][]float32
	torchnet.NoGrad(func() {
		in := ts.MustOfSlice(x).MustView([]int64{int64(len(x) / 784), 1, 28, 28}, true)
		libtorch = net.Trace(in)
		in.MustDrop()
	})
	_, err = f.Model.CheckTrace("libtorch ("+torchnet.Machine()+")", x, libtorch)
	assert.NoError(t, err)
	engine, err := f.Model.NewWorkspace().Trace(x)
	require.NoError(t, err)
	_, err = f.Model.CheckTrace("nn", x, engine)
	assert.NoError(t, err)
}

// The strong model trains on noise.Blind's damage for its own number of
// epochs, its file says so, and it runs in nn as in libtorch.
func TestShortStrongTraining(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	out := t.TempDir()
	cfg := shortConfig()
	cfg.Epochs, cfg.StrongEpochs = 1, 3
	rep, err := run(context.Background(), cfg, opts(t, out, "strong"))
	require.NoError(t, err)
	require.Len(t, rep.runs, 1)
	h := rep.runs[0].hist
	require.Len(t, h, 3, "-strong-epochs, not -epochs")
	t.Logf("loss %.4f → %.4f, test PSNR %.2f → %.2f dB", h[0].TrainLoss, h[2].TrainLoss, h[0].Test.PSNR, h[2].Test.PSNR)
	assert.Less(t, h[2].TrainLoss, h[0].TrainLoss, "the loss goes down")

	f, err := weights.Read(filepath.Join(out, "strong.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, nn.StrongArch(), f.Arch)
	assert.Equal(t, "strong model: blind denoising autoencoder", f.Metadata["model"])
	assert.Equal(t, noise.BlindDescription, f.Metadata["input"])
	assert.Equal(t, "3", f.Metadata["epochs"])
	md, err := os.ReadFile(filepath.Join(out, reportFile))
	require.NoError(t, err)
	assert.Contains(t, string(md), "The strong model: trained on "+noise.BlindDescription)

	clean := testDigits(t, 16)
	x := make([]float32, len(clean))
	r := noise.New(2)
	for i := 0; i < 16; i++ {
		noise.Blind(x[i*784:(i+1)*784], clean[i*784:(i+1)*784], 28, 28, r)
	}
	checkRunsAlike(t, f, x)
}

// The digit reader trains like the autoencoders: its loss goes down, it
// reads far more than a tenth of the test digits after a short run, its
// file holds its facts and the reader's architecture, and it runs in nn
// as in libtorch, layer by layer within the rounding bounds.
func TestShortReaderTraining(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	out := t.TempDir()
	cfg := shortConfig()
	cfg.TrainSize, cfg.Epochs = 1000, 2
	rep, err := run(context.Background(), cfg, opts(t, out, "classifier"))
	require.NoError(t, err)
	require.Len(t, rep.runs, 1)
	h := rep.runs[0].hist
	t.Logf("loss %.4f → %.4f, test accuracy %.1f%% → %.1f%%", h[0].TrainLoss, h[1].TrainLoss, 100*h[0].Accuracy, 100*h[1].Accuracy)
	assert.Less(t, h[1].TrainLoss, h[0].TrainLoss, "the loss goes down")
	assert.Greater(t, h[1].Accuracy, 0.5, "it reads, after 2 epochs of 1,000 digits")

	f, err := weights.Read(filepath.Join(out, "classifier.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, nn.ClassifierArch(), f.Arch)
	assert.Equal(t, "digit reader (MNIST classifier)", f.Metadata["model"])
	assert.Equal(t, "MNIST test set, first 500 of 10000 clean images", f.Metadata["test_set"])
	assert.Equal(t, "2", f.Metadata["epochs"])
	assert.NotEmpty(t, f.Metadata["test_accuracy"])
	md, err := os.ReadFile(filepath.Join(out, reportFile))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| epoch | train loss (cross-entropy) | test accuracy |")

	checkRunsAlike(t, f, testDigits(t, 16))
}

// augment moves a digit without losing it: the ink's total stays within
// the bounds the scaling and the stroke change allow, its centre moves by
// no more than the shift and what rotating and scaling about the frame's
// centre move it, and the same stream gives the same digit.
func TestAugmentKeepsTheDigit(t *testing.T) {
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	centre := func(v []float32) (mass, cx, cy float64) {
		for i, x := range v {
			mass += float64(x)
			cx += float64(x) * float64(i%28)
			cy += float64(x) * float64(i/28)
		}
		return mass, cx / mass, cy / mass
	}
	for i := 0; i < 200; i++ {
		src := test.Image(nil, i)
		dst := make([]float32, len(src))
		augment(dst, src, 28, 28, rand.New(rand.NewPCG(uint64(i), 1)))
		m0, x0, y0 := centre(src)
		m1, x1, y1 := centre(dst)
		// (1 ± 0.12)² for the size; half a pixel either side of strokes about
		// 2 pixels wide (MNIST's median) for the pen.
		assert.True(t, m1/m0 > 0.45 && m1/m0 < 2.5, "image %d: ink %.0f → %.0f", i, m0, m1)
		assert.LessOrEqual(t, math.Hypot(x1-x0, y1-y0), 2*math.Sqrt2+2, "image %d: the centre moved", i)
		again := make([]float32, len(src))
		augment(again, src, 28, 28, rand.New(rand.NewPCG(uint64(i), 1)))
		assert.Equal(t, dst, again)
	}
}

func TestBadFlagsAreErrors(t *testing.T) {
	cfg := shortConfig()
	cfg.Noise = 2
	_, err := run(context.Background(), cfg, opts(t, t.TempDir(), "dae"))
	assert.EqualError(t, err, "-noise 2: must be between 0 and 1")
	for _, bad := range []struct {
		set func(*Config)
		msg string
	}{
		{func(c *Config) { c.Noise = math.NaN() }, "-noise NaN: must be between 0 and 1"},
		{func(c *Config) { c.LR = math.NaN() }, "-lr NaN: must be a positive number"},
		{func(c *Config) { c.LR = math.Inf(1) }, "-lr +Inf: must be a positive number"},
		{func(c *Config) { c.TestSize = -1 }, "-test-size -1: must be between 0 (all) and 10000"},
		{func(c *Config) { c.TestSize = 10001 }, "-test-size 10001: must be between 0 (all) and 10000"},
		{func(c *Config) { c.TrainSize = 60001 }, "-train-size 60001: must be between 0 (all) and 60000"},
		// Work the machine could not do, refused before the data loads.
		{func(c *Config) { c.Batch = 999999999 }, "-batch 999999999: must be between 1 and 320 (the training images used)"},
		{func(c *Config) { c.TrainSize, c.Batch = 0, 60001 }, "-batch 60001: must be between 1 and 60000 (the training images used)"},
		{func(c *Config) { c.Threads = 100000 }, "-threads 100000: must be between 1 and 256"},
		{func(c *Config) { c.Epochs = 99999999999 }, "-epochs 99999999999: must be between 1 and 1000"},
		{func(c *Config) { c.StrongEpochs = 0 }, "-strong-epochs 0: must be between 1 and 1000"},
	} {
		cfg := shortConfig()
		bad.set(&cfg)
		_, err := run(context.Background(), cfg, opts(t, t.TempDir(), "dae"))
		assert.EqualError(t, err, bad.msg)
	}
	// An -out where nothing can be written is refused before the data loads
	// (a file stands where its folder should be; root may write anywhere else).
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err = run(context.Background(), shortConfig(), opts(t, filepath.Join(file, "out"), "dae"))
	assert.ErrorContains(t, err, "-out "+filepath.Join(file, "out"))
	_, err = run(context.Background(), shortConfig(), opts(t, "/proc", "dae"))
	assert.ErrorContains(t, err, "-out /proc: cannot write there")
	_, err = run(context.Background(), shortConfig(), opts(t, t.TempDir(), "dae,vae"))
	assert.EqualError(t, err, `-models: "vae" is not a model; use dae, ae, classifier, strong, or several with commas`)
	o := opts(t, t.TempDir(), "dae")
	o.dataDir = t.TempDir()
	_, err = run(context.Background(), shortConfig(), o)
	assert.ErrorContains(t, err, "train-images-idx3-ubyte(.gz) not found")

	// -strong-arch: a file far larger than an architecture is refused from
	// its size (a sparse 2 GiB file was read whole, 4.4 GB of memory).
	sparse := hostile.SparseFile(t, "arch.json")
	_, err = readArch(sparse)
	assert.EqualError(t, err, sparse+" is 2.0 GiB, more than an architecture is (at most 1.0 MiB)")
}
