package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/godae/dae/internal/hostile"
)

// Bad input is refused before any work: -n out of range (0 and -5 were
// taken for all 10,000 images), a weights file far larger than any (a
// sparse 2 GiB one was read whole, 8.4 GB of memory).
func TestBadInputIsRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	for _, n := range []int{0, -5, 10001} {
		assert.ErrorContains(t, run("../../weights/dae.safetensors", "../../weights/strong.safetensors", out, n), "must be between 1 and 10000")
	}
	sparse := hostile.SparseFile(t, "big.safetensors")
	assert.EqualError(t, run(sparse, "../../weights/strong.safetensors", out, 10), sparse+" is 2.0 GiB, more than a weights file is (at most 64.0 MiB)")
	assert.NoDirExists(t, out, "nothing written")
}
