package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -dist writes the app's files, their compressed forms beside them as
// this server would send them, and the headers this server sends; a plain
// static file server then serves the app (e2e's TestDist runs the page
// from it).
func TestDist(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dist")
	require.NoError(t, writeDist(testFS(), dir))
	for _, r := range required {
		data, err := os.ReadFile(filepath.Join(dir, r))
		require.NoError(t, err, r)
		if r != "web/main.wasm" {
			assert.Equal(t, "content of "+r, string(data))
		}
	}
	assert.NoFileExists(t, filepath.Join(dir, ".git", "config"), "dotfiles stay out")
	assert.NoFileExists(t, filepath.Join(dir, "web", ".hidden"))
	assert.NoFileExists(t, filepath.Join(dir, "index.html.gz"), "small files are not compressed")

	gz, err := os.ReadFile(filepath.Join(dir, "web", "main.wasm.gz"))
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, big, got)
	br, err := os.ReadFile(filepath.Join(dir, "web", "main.wasm.br"))
	require.NoError(t, err)
	got, err = io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	require.NoError(t, err)
	assert.Equal(t, big, got)

	headers, err := os.ReadFile(filepath.Join(dir, headersFile))
	require.NoError(t, err)
	for _, want := range []string{"/*\n", "  Content-Security-Policy: " + appPolicy.csp + "\n", "  X-Content-Type-Options: nosniff\n",
		"  Cache-Control: no-cache\n", "/web/main.wasm\n  Content-Type: application/wasm\n  X-Unpacked-Length: " + strconv.Itoa(len(big)) + "\n", "/web/boot.js\n  Content-Type: text/javascript; charset=utf-8\n"} {
		assert.Contains(t, string(headers), want)
	}

	// Go's file server, nothing of ours, serves it (its own MIME table knows
	// .wasm; _headers is for the hosts that read it).
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/web/main.wasm")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))

	// A second run replaces the files of the first and leaves every other
	// file alone (a .git, a CNAME); a file of the app's name that -dist did
	// not write stops it.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "CNAME"), []byte("digits.example"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("stale"), 0o644))
	require.NoError(t, writeDist(testFS(), dir))
	assert.FileExists(t, filepath.Join(dir, "CNAME"))
	data, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, "content of index.html", string(data))
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "index.html"), []byte("mine"), 0o644))
	assert.ErrorContains(t, writeDist(testFS(), other), "index.html is there and was not written by -dist")
	data, err = os.ReadFile(filepath.Join(other, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, "mine", string(data))
	// A marker that names a file outside the folder removes nothing there.
	outside := filepath.Join(t.TempDir(), "keep")
	require.NoError(t, os.WriteFile(outside, nil, 0o644))
	list, err := os.ReadFile(filepath.Join(dir, distMarker))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, distMarker), append(list, []byte("../keep\n"+outside+"\n")...), 0o644))
	require.NoError(t, writeDist(testFS(), dir))
	assert.FileExists(t, outside)
}
