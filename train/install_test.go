//go:build gotch

package main

import (
	"os"
	"path/filepath"
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
	msg, err := install(path, good, false)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "nothing to compare with")

	worse := scored(t, "17.2", "0.80", "noisy test set")
	msg, err = install(path, worse, false)
	require.NoError(t, err)
	assert.Contains(t, msg, "kept "+path+": the new weights score worse (test_psnr_db 17.2000, the existing ones 17.8000)")
	kept, _ := os.ReadFile(path)
	assert.Equal(t, good, kept)
	candidate, _ := os.ReadFile(filepath.Join(dir, "dae.candidate.safetensors"))
	assert.Equal(t, worse, candidate, "the new weights are not lost")

	other := scored(t, "30", "0.99", "another test set")
	msg, _ = install(path, other, false)
	assert.Contains(t, msg, "measured on another test set")

	better := scored(t, "17.9", "0.79", "noisy test set")
	msg, err = install(path, better, false)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "at least as good on both: replaced")

	msg, err = install(path, worse, true)
	require.NoError(t, err)
	assert.Equal(t, "wrote "+path, msg, "-force replaces")
	now, _ := os.ReadFile(path)
	assert.Equal(t, worse, now)
}
