//go:build gotch

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

func scored(t *testing.T, psnr, ssim, testSet string) []byte {
	data, err := weights.Encode(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1),
		map[string]string{"test_psnr_db": psnr, "test_ssim": ssim, "test_set": testSet})
	require.NoError(t, err)
	return data
}

func TestInstallNeverMakesWeightsWorse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dae.safetensors")
	good := scored(t, "17.8", "0.79", "noisy test set")
	msg, _, err := install(path, good, false)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "nothing to compare with")

	worse := scored(t, "17.2", "0.80", "noisy test set")
	msg, _, err = install(path, worse, false)
	require.NoError(t, err)
	assert.Contains(t, msg, "kept "+path+": the new weights score worse (test_psnr_db 17.2000, the existing ones 17.8000)")
	kept, _ := os.ReadFile(path)
	assert.Equal(t, good, kept)
	candidate, _ := os.ReadFile(filepath.Join(dir, "dae.candidate.safetensors"))
	assert.Equal(t, worse, candidate, "the new weights are not lost")

	other := scored(t, "30", "0.99", "another test set")
	msg, _, _ = install(path, other, false)
	assert.Contains(t, msg, "measured on another test set")

	better := scored(t, "17.9", "0.79", "noisy test set")
	msg, _, err = install(path, better, false)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "at least as good on both: replaced")

	msg, _, err = install(path, worse, true)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "-force replaces")
	now, _ := os.ReadFile(path)
	assert.Equal(t, worse, now)
}

// betterWeightsIn is a one-epoch test configuration and an -out folder
// that already holds weights of kind scoring far better on its test set.
func betterWeightsIn(t *testing.T, kind string) (Config, string, []byte) {
	cfg := shortConfig()
	cfg.Epochs = 1
	out := t.TempDir()
	best := scored(t, "99", "0.99", testSetName(fmt.Sprintf("first %d of 10000", cfg.TestSize), cfg.Noise))
	require.NoError(t, os.WriteFile(filepath.Join(out, kind+".safetensors"), best, 0o644))
	return cfg, out, best
}

// A run whose weights are kept back leaves the report beside the kept
// weights alone, and writes its own beside its candidate weights.
func TestReportOfKeptWeightsStays(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cfg, out, best := betterWeightsIn(t, "dae")
	require.NoError(t, os.WriteFile(filepath.Join(out, reportFile), []byte("the report of the kept weights"), 0o644))

	_, err := run(context.Background(), cfg, opts(t, out, "dae"))
	require.NoError(t, err)
	kept, _ := os.ReadFile(filepath.Join(out, "dae.safetensors"))
	assert.Equal(t, best, kept)
	report, _ := os.ReadFile(filepath.Join(out, reportFile))
	assert.Equal(t, "the report of the kept weights", string(report))
	candidate, err := os.ReadFile(filepath.Join(out, "report.candidate.md"))
	require.NoError(t, err)
	assert.Contains(t, string(candidate), "(report.candidate.png)")
	assert.FileExists(t, filepath.Join(out, "report.candidate.png"))
	assert.FileExists(t, filepath.Join(out, "dae.candidate.safetensors"))
}

// The models of a run are installed together or not at all: when one is
// kept back, the other goes beside it as a candidate too.
func TestRunInstallsAllModelsOrNone(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cfg, out, _ := betterWeightsIn(t, "ae")

	_, err := run(context.Background(), cfg, opts(t, out, "dae,ae"))
	require.NoError(t, err)
	assert.NoFileExists(t, filepath.Join(out, "dae.safetensors"), "the DAE alone would have been written")
	assert.FileExists(t, filepath.Join(out, "dae.candidate.safetensors"))
	assert.FileExists(t, filepath.Join(out, "ae.candidate.safetensors"))
	assert.FileExists(t, filepath.Join(out, "report.candidate.md"))
	assert.NoFileExists(t, filepath.Join(out, reportFile))
}
