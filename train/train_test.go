//go:build gotch

package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/sugarme/gotch"
	gnn "github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

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
	return Config{Arch: nn.DefaultArch(), Epochs: 2, Batch: 32, LR: 3e-3, Schedule: Cosine, Noise: 0.5, Seed: 7, Threads: 2, TrainSize: 320, TestSize: 500}
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
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	clean := test.Floats(16)
	x := make([]float32, len(clean))
	noise.Gaussian(x, clean, 0.5, noise.New(1))
	vs := gnn.NewVarStore(gotch.CPU)
	net, err := torchnet.New(vs, f.Arch)
	require.NoError(t, err)
	require.NoError(t, torchnet.SetParams(vs, f.Tensors))
	var libtorch [][]float32
	torchnet.NoGrad(func() {
		in := ts.MustOfSlice(x).MustView([]int64{16, 1, 28, 28}, true)
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
		{func(c *Config) { c.TestSize = -1 }, "-test-size -1: must be 0 (all) or more"},
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
	assert.EqualError(t, err, `-models: "vae" is not a model; use dae, ae or dae,ae`)
	o := opts(t, t.TempDir(), "dae")
	o.dataDir = t.TempDir()
	_, err = run(context.Background(), shortConfig(), o)
	assert.ErrorContains(t, err, "train-images-idx3-ubyte(.gz) not found")
}
