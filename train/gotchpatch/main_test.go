package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A copy is kept only when it is a module whose rewritten files are
// exactly the ones this run would write: another patch (or the CUDA
// lib.go) or a missing file replaces it.
func TestMadeAlike(t *testing.T) {
	dir := t.TempDir()
	rewritten := map[string][]byte{"libtch/lib.go": []byte("cpu"), "ts/tensor-generated.go": []byte("fixed")}
	assert.False(t, madeAlike(filepath.Join(dir, "absent"), rewritten), "no folder")
	for file, data := range rewritten {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(file)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, file), data, 0o644))
	}
	assert.False(t, madeAlike(dir, rewritten), "no go.mod: not a module")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module github.com/sugarme/gotch\n"), 0o644))
	assert.True(t, madeAlike(dir, rewritten))
	assert.False(t, madeAlike(dir, map[string][]byte{"libtch/lib.go": []byte("cuda")}), "another lib.go")
	assert.False(t, madeAlike(dir, map[string][]byte{"libtch/godae_extra.go": []byte("x")}), "a file missing")
}
