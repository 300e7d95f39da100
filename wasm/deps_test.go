//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The app's wasm links none of the packages it leaves to the browser or
// avoids for its size (the README says why): the browser decodes uploads
// and encodes the page's PNGs, and the JSON the app reads and writes is
// fastjson's and its own, not encoding/json's, whose reflection would be a
// large part of the wasm. (image/jpeg is linked: package noise, whose
// page noise the app uses, also holds the JPEG damage of the strong
// model's training.)
func TestWasmLeavesOut(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if e, ok := err.(*exec.ExitError); ok {
		t.Logf("go list: %s", e.Stderr)
	}
	require.NoError(t, err)
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	require.True(t, deps["github.com/godae/dae/nn"], "the list is the app's")
	for _, p := range []string{"encoding/json", "encoding/gob", "image/png", "image/gif", "golang.org/x/image/webp", "golang.org/x/image/bmp", "golang.org/x/image/tiff"} {
		assert.False(t, deps[p], "the app's wasm links %s", p)
	}
}
