//go:build gotch

package main

import (
	"context"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/weights"
)

// resumeConfig is three short epochs of the denoising model.
func resumeConfig() Config {
	c := shortConfig()
	c.Epochs = 3
	return c
}

var (
	referenceOnce  sync.Once
	referenceBytes []byte
)

// reference is the weights an uninterrupted run of resumeConfig writes.
func reference(t *testing.T) []byte {
	referenceOnce.Do(func() {
		out := t.TempDir()
		_, err := run(context.Background(), resumeConfig(), opts(t, out, "dae"))
		require.NoError(t, err)
		referenceBytes, err = os.ReadFile(filepath.Join(out, "dae.safetensors"))
		require.NoError(t, err)
	})
	require.NotEmpty(t, referenceBytes)
	return referenceBytes
}

// stopAfterFirstEpoch makes o's run call stop once its first epoch's
// checkpoint is written.
func stopAfterFirstEpoch(o *options, stop func()) {
	o.epochDone = func(_ context.Context, _ Kind, epoch int) {
		if epoch == 1 {
			stop()
		}
	}
}

// waitForEpoch waits until the checkpoint in dir records at least epoch e.
func waitForEpoch(t *testing.T, dir string, e int) {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(checkpointPath(dir, Denoising)); err == nil {
			if _, meta, err := weights.ParseTensors(data); err == nil {
				if n, _ := strconv.Atoi(meta["epoch"]); n >= e {
					return
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no checkpoint of epoch %d appeared in %s", e, dir)
}

// Same seed, same machine: the same weights, byte for byte.
func TestTrainingIsReproducible(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ref := reference(t)
	out := t.TempDir()
	_, err := run(context.Background(), resumeConfig(), opts(t, out, "dae"))
	require.NoError(t, err)
	again, err := os.ReadFile(filepath.Join(out, "dae.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, ref, again)
}

// A run stopped (as by SIGINT) after its first checkpoint and started again
// ends with the same weights as one that was never stopped.
func TestResumeAfterInterrupt(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ref := reference(t)
	out := t.TempDir()
	o := opts(t, out, "dae")
	ctx, cancel := context.WithCancel(context.Background())
	stopAfterFirstEpoch(&o, cancel)
	_, err := run(ctx, resumeConfig(), o)
	require.ErrorIs(t, err, errInterrupted)
	assert.Contains(t, err.Error(), "run the same command to resume")
	o.epochDone = nil
	assert.NoFileExists(t, filepath.Join(out, "dae.safetensors"))

	_, err = run(context.Background(), resumeConfig(), o)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(out, "dae.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, ref, got)
	assert.NoFileExists(t, checkpointPath(o.checkpoints, Denoising), "checkpoints go when the run is done")
}

// The digit reader resumes too: stopped after its first epoch and started
// again, it ends with the weights of a run never stopped (its checkpoint is
// checked against its own architecture, not the autoencoders').
func TestReaderResumes(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cfg := resumeConfig()
	cfg.Epochs = 2
	refOut := t.TempDir()
	_, err := run(context.Background(), cfg, opts(t, refOut, "classifier"))
	require.NoError(t, err)
	ref, err := os.ReadFile(filepath.Join(refOut, "classifier.safetensors"))
	require.NoError(t, err)

	out := t.TempDir()
	o := opts(t, out, "classifier")
	ctx, cancel := context.WithCancel(context.Background())
	stopAfterFirstEpoch(&o, cancel)
	_, err = run(ctx, cfg, o)
	require.ErrorIs(t, err, errInterrupted)
	o.epochDone = nil
	_, err = run(context.Background(), cfg, o)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(out, "classifier.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, ref, got)
}

// TestHelperTrain is the child process of TestResumeAfterSignal: a
// training run that stops on SIGINT as the command does. After its first
// epoch it waits for the signal, so that the signal always comes mid-run.
func TestHelperTrain(t *testing.T) {
	dir := os.Getenv("GODAE_TRAIN_CHILD")
	if dir == "" {
		t.Skip("runs only as the child of TestResumeAfterSignal")
	}
	runtime.LockOSThread()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := options{outDir: filepath.Join(dir, "out"), models: "dae", checkpoints: filepath.Join(dir, "checkpoints")}
	o.epochDone = func(ctx context.Context, _ Kind, epoch int) {
		if epoch == 1 {
			<-ctx.Done()
		}
	}
	_, err := run(ctx, resumeConfig(), o)
	require.ErrorIs(t, err, errInterrupted)
}

// A run killed with SIGKILL, or stopped with SIGINT, after its first
// checkpoint and started again ends with the same weights as one that was
// never stopped.
func TestResumeAfterSignal(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ref := reference(t)
	for _, sig := range []os.Signal{os.Kill, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			child := exec.Command(os.Args[0], "-test.run=^TestHelperTrain$")
			child.Env = append(os.Environ(), "GODAE_TRAIN_CHILD="+dir)
			require.NoError(t, child.Start())
			waitForEpoch(t, filepath.Join(dir, "checkpoints"), 1)
			require.NoError(t, child.Process.Signal(sig))
			_ = child.Wait()
			assert.NoFileExists(t, filepath.Join(dir, "out", "dae.safetensors"), "stopped before the end")

			o := options{outDir: filepath.Join(dir, "out"), models: "dae", checkpoints: filepath.Join(dir, "checkpoints")}
			_, err := run(context.Background(), resumeConfig(), o)
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join(dir, "out", "dae.safetensors"))
			require.NoError(t, err)
			assert.Equal(t, ref, got)
		})
	}
}

func TestCheckpointOfAnotherConfigurationIsRefused(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	o := opts(t, t.TempDir(), "dae")
	ctx, cancel := context.WithCancel(context.Background())
	stopAfterFirstEpoch(&o, cancel)
	_, err := run(ctx, resumeConfig(), o)
	require.ErrorIs(t, err, errInterrupted)
	o.epochDone = nil
	other := resumeConfig()
	other.LR = 1e-2
	_, err = run(context.Background(), other, o)
	assert.ErrorContains(t, err, "it is from another configuration")
	assert.ErrorContains(t, err, "pass -fresh")
	o.fresh = true
	_, err = run(context.Background(), other, o)
	assert.NoError(t, err)
}
