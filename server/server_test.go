package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/internal/hostile"
)

var big = bytes.Repeat([]byte("(module) wasm bytes that compress well "), 200)

func testFS() fstest.MapFS {
	files := fstest.MapFS{".git/config": {Data: []byte("secret")}, "web/.hidden": {Data: []byte("secret")}}
	for _, r := range required {
		files[r] = &fstest.MapFile{Data: []byte("content of " + r)}
	}
	files["web/main.wasm"] = &fstest.MapFile{Data: big}
	return files
}

func testHandler(t *testing.T) http.Handler {
	srv, err := newServer(testFS(), true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	return srv.Handler
}

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestMIMETypesAndSecurityHeaders(t *testing.T) {
	h := testHandler(t)
	for path, want := range map[string]string{
		"/": "text/html; charset=utf-8", "/index.html": "text/html; charset=utf-8", "/web/main.wasm": "application/wasm",
		"/web/boot.js": "text/javascript; charset=utf-8", "/web/style.css": "text/css; charset=utf-8",
		"/weights/dae.safetensors": "application/octet-stream",
	} {
		resp := get(t, h, "GET", path, nil)
		assert.Equal(t, 200, resp.StatusCode, path)
		assert.Equal(t, want, resp.Header.Get("Content-Type"), path)
		assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
		assert.Equal(t, "no-referrer", resp.Header.Get("Referrer-Policy"))
		assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	}
}

func TestCompressionByAcceptEncoding(t *testing.T) {
	h := testHandler(t)
	resp := get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	assert.Equal(t, "br", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, strconv.Itoa(len(big)), resp.Header.Get("X-Unpacked-Length"), "the length it unpacks to, for boot.js's progress")
	body, err := io.ReadAll(brotli.NewReader(resp.Body))
	require.NoError(t, err)
	assert.Equal(t, big, body)

	resp = get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": "gzip, br;q=0"})
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, strconv.Itoa(len(big)), resp.Header.Get("X-Unpacked-Length"))
	zr, err := gzip.NewReader(resp.Body)
	require.NoError(t, err)
	body, err = io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, big, body)

	resp = get(t, h, "GET", "/web/main.wasm", nil)
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Empty(t, resp.Header.Get("X-Unpacked-Length"), "Content-Length says it")
	body, _ = io.ReadAll(resp.Body)
	assert.Equal(t, big, body)
	assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"))
	// A range past the end: an error, whose words are not the file.
	resp = get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=99999999-"})
	assert.Equal(t, http.StatusRequestedRangeNotSatisfiable, resp.StatusCode)
	assert.Empty(t, resp.Header.Get("X-Unpacked-Length"))
}

func TestETagRevalidation(t *testing.T) {
	h := testHandler(t)
	etag := get(t, h, "GET", "/web/style.css", nil).Header.Get("ETag")
	require.NotEmpty(t, etag)
	resp := get(t, h, "GET", "/web/style.css", map[string]string{"If-None-Match": etag})
	assert.Equal(t, http.StatusNotModified, resp.StatusCode)
}

func TestOnlyAssetsAreServed(t *testing.T) {
	h := testHandler(t)
	for _, path := range []string{"/../go.mod", "/web/../../go.mod", "/%2e%2e/go.mod", "/web/..%2f..%2fgo.mod", "/web\\..\\go.mod",
		"/.git/config", "/web/.hidden", "/web/", "/web", "/etc/passwd", "//etc/passwd", "/nope"} {
		resp := get(t, h, "GET", path, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, path)
		body, _ := io.ReadAll(resp.Body)
		assert.NotContains(t, string(body), "secret", path)
	}
}

func TestMethodsAndHealth(t *testing.T) {
	h := testHandler(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		resp := get(t, h, m, "/", nil)
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, m)
		assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"))
	}
	resp := get(t, h, "HEAD", "/index.html", nil)
	assert.Equal(t, 200, resp.StatusCode)
	body, _ := io.ReadAll(resp.Body)
	assert.Empty(t, body)
	resp = get(t, h, "GET", "/healthz", nil)
	assert.Equal(t, 200, resp.StatusCode)
	body, _ = io.ReadAll(resp.Body)
	assert.JSONEq(t, `{"status":"ok"}`, string(body))
}

func TestMissingWasmIsAClearError(t *testing.T) {
	files := testFS()
	delete(files, "web/main.wasm")
	_, err := newServer(files, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	assert.EqualError(t, err, "the app's file web/main.wasm is missing (build the app first: make wasm, or use make serve)")
}

func TestAccessLogIsStructured(t *testing.T) {
	var buf bytes.Buffer
	srv, err := newServer(testFS(), true, slog.New(slog.NewJSONHandler(&buf, nil)))
	require.NoError(t, err)
	get(t, srv.Handler, "GET", "/nope", nil)
	line := buf.String()
	assert.Contains(t, line, `"path":"/nope"`)
	assert.Contains(t, line, `"status":404`)
}

func TestServerLimits(t *testing.T) {
	srv, err := newServer(testFS(), true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	assert.Equal(t, 5*time.Second, srv.ReadHeaderTimeout)
	assert.Equal(t, 16<<10, srv.MaxHeaderBytes)
}

// run shuts down on cancel and lets a request in flight finish: the
// response is larger than the socket buffers and the client reads it only
// after shutdown has begun.
func TestGracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	for name, f := range testFS() {
		writeFile(t, dir, name, f.Data)
	}
	large := make([]byte, 16<<20)
	for i := range large {
		large[i] = byte(i * 7919 >> 3)
	}
	writeFile(t, dir, "web/large.png", large) // images are not compressed
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, "127.0.0.1:0", dir, true, slog.New(slog.NewTextHandler(io.Discard, nil)), ready)
	}()
	addr := <-ready

	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Get("http://" + addr + "/web/large.png")
	require.NoError(t, err)
	head := make([]byte, 1024)
	_, err = io.ReadFull(resp.Body, head)
	require.NoError(t, err)
	cancel()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("run returned while a response was still being sent: %v", err)
	default:
	}
	rest, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, large, append(head, rest...), "the request in flight got all of its answer")
	require.NoError(t, <-done)
	_, err = client.Get("http://" + addr + "/")
	assert.Error(t, err, "the server is closed")
}

func gzipOf(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	require.NoError(t, err)
	_, err = w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestPrecompressedGzip(t *testing.T) {
	fsys := testFS()
	pre := gzipOf(t, big) // BestSpeed: not what the server would make itself
	fsys["web/main.wasm.gz"] = &fstest.MapFile{Data: pre}
	fsys["web/style.css"] = &fstest.MapFile{Data: big}
	fsys["web/style.css.gz"] = &fstest.MapFile{Data: gzipOf(t, []byte("an older stylesheet"))}
	fsys["web/data.gz"] = &fstest.MapFile{Data: []byte("a file of its own")}
	srv, err := newServer(fsys, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	h := srv.Handler

	resp := get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": "gzip"})
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, pre, body, "the precompressed form is sent as it is")

	resp = get(t, h, "GET", "/web/style.css", map[string]string{"Accept-Encoding": "gzip"})
	zr, err := gzip.NewReader(resp.Body)
	require.NoError(t, err)
	body, err = io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, big, body, "a stale .gz is ignored")

	assert.Equal(t, 404, get(t, h, "GET", "/web/main.wasm.gz", nil).StatusCode)
	assert.Equal(t, 404, get(t, h, "GET", "/web/style.css.gz", nil).StatusCode)
	assert.Equal(t, 200, get(t, h, "GET", "/web/data.gz", nil).StatusCode, "a .gz without its original is a file like any other")
}

// The service worker is served with its version, a hash of every other
// file of the app, the list of those files, and each one's SHA-256 but the
// page's and the pictures': a change to any file makes a new script,
// which browsers install on their next visit.
func TestServiceWorkerVersion(t *testing.T) {
	files := testFS()
	files["sw.js"] = &fstest.MapFile{Data: []byte(`const VERSION = "__GODAE_VERSION__"; const FILES = __GODAE_FILES__; const INTEGRITY = __GODAE_INTEGRITY__;`)}
	files["web/icon-192.png"] = &fstest.MapFile{Data: []byte("\x89PNG an icon")}
	script := func() string {
		srv, err := newServer(files, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
		require.NoError(t, err)
		resp := get(t, srv.Handler, "GET", "/sw.js", nil)
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, "text/javascript; charset=utf-8", resp.Header.Get("Content-Type"))
		return string(body)
	}
	first := script()
	assert.Regexp(t, `^const VERSION = "[0-9a-f]{16}"; const FILES = \["\./",.*"web/main\.wasm",.*"weights/strong\.safetensors"\]; const INTEGRITY = \{.*\};$`, first)
	// Each file's hash, as the browser checks it (all but the page and the
	// pictures).
	var sums map[string]string
	_, list, _ := strings.Cut(first, "const FILES = ")
	list, _, _ = strings.Cut(list, ";")
	var names []string
	require.NoError(t, json.Unmarshal([]byte(list), &names))
	_, integrity, _ := strings.Cut(first, "const INTEGRITY = ")
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSuffix(integrity, ";")), &sums))
	pictures := 0
	for _, name := range names[1:] {
		if strings.HasSuffix(name, ".png") {
			pictures++
			assert.NotContains(t, sums, name, "a picture, which hosts recompress")
			continue
		}
		sum := sha256.Sum256(files[name].Data)
		assert.Equal(t, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]), sums[name], name)
	}
	assert.Len(t, sums, len(names)-1-pictures, "every file but the page and the pictures")
	assert.Positive(t, pictures)
	assert.NotContains(t, first, `"sw.js"`, "the worker does not keep itself")
	assert.NotContains(t, first, `"index.html"`, "the page is kept as ./ (a static host may redirect index.html there)")
	assert.Equal(t, first, script(), "the same files, the same script")
	files["weights/strong.safetensors"] = &fstest.MapFile{Data: []byte("retrained")}
	second := script()
	assert.NotEqual(t, first, second, "another file, another version")
	files["index.html"] = &fstest.MapFile{Data: []byte("another page")}
	assert.NotEqual(t, second, script(), "another page, another version")
}

// What would go wrong at start is said at once, before the assets are read:
// a -dir that is not a folder, an empty -addr (it listened on every
// interface, on a port of its own choosing), a file too large to keep in
// memory (a sparse 2 GiB weights file was read whole, 2.4 GB).
func TestBadStartIsAClearError(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	absent := filepath.Join(t.TempDir(), "absent")
	assert.EqualError(t, run(t.Context(), "localhost:0", absent, true, log, nil), "-dir "+absent+": there is no such folder")
	assert.ErrorContains(t, run(t.Context(), "", "", true, log, nil), "-addr is empty")

	dir := t.TempDir()
	for name, f := range testFS() {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), f.Data, 0o644))
	}
	_, err := newServer(os.DirFS(dir), true, log)
	require.NoError(t, err, "the folder as made serves")
	require.NoError(t, os.Rename(hostile.SparseFile(t, "ae.safetensors"), filepath.Join(dir, "weights", "ae.safetensors")))
	_, err = newServer(os.DirFS(dir), true, log)
	assert.EqualError(t, err, "weights/ae.safetensors is 2.0 GiB: the server keeps every file it serves in memory, at most 64.0 MiB each")
}
