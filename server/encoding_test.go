package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChooseEncoding(t *testing.T) {
	both := &asset{gzip: []byte{1}, br: []byte{2}}
	gzipOnly := &asset{gzip: []byte{1}}
	for _, c := range []struct {
		accept string
		a      *asset
		want   string
	}{
		{"", both, ""},
		{"gzip, deflate, br", both, "br"},
		{"gzip, deflate, br", gzipOnly, "gzip"},
		{"br;q=0", both, ""},
		{"br;Q=0", both, ""},
		{"br ; q = 0 , gzip", both, "gzip"},
		{"gzip;q=1.0, br;q=0.5", both, "gzip"},
		{"gzip;q=0.2, br;q=0.9", both, "br"},
		{"gzip;q=0.5, identity;q=1", both, ""},
		{"gzip, identity", both, "gzip"},
		{"GZIP", both, "gzip"},
		{"x-gzip", gzipOnly, "gzip"},
		{"*", both, "br"},
		{"*;q=0", both, ""},
		{"*;q=0, gzip", both, "gzip"},
		{"br;q=0, *", both, "gzip"},
		{"identity;q=0", both, ""},
		{"br;q=abc, gzip;q=0.1", both, "gzip"},
		{"br;q=2", both, ""},
		{"br;q=-1, gzip", both, "gzip"},
		{"gzip, identity;q=nan", both, "gzip"},
		{"br;q=NaN, gzip;q=0.5", both, "gzip"},
		{"deflate", both, ""},
		{";;,,;q=;", both, ""},
		{"br;level=5;q=0.3, gzip;q=0.2", both, "br"},
	} {
		assert.Equal(t, c.want, chooseEncoding(c.accept, c.a), "Accept-Encoding: %q", c.accept)
	}
}

// FuzzChooseEncoding: any Accept-Encoding header names one of the
// codings the asset has, or none (the file as it is), and a coding is
// chosen only if an entry of the header names it, or "*", with a q that
// is not 0.
func FuzzChooseEncoding(f *testing.F) {
	for _, s := range []string{"gzip, deflate, br", "br;q=0, *", "gzip;q=0.5, identity;q=1", ";;,,;q=;", "br;q=NaN, gzip;q=0.5", "abr, xgzip"} {
		f.Add(s)
	}
	assets := []*asset{{gzip: []byte{1}, br: []byte{2}}, {gzip: []byte{1}}, {}}
	// accepted says whether an entry of accept names one of names with a
	// q that is not 0 (one that does not parse counts as 0).
	accepted := func(accept string, names ...string) bool {
		for _, part := range strings.Split(accept, ",") {
			name, params, _ := strings.Cut(part, ";")
			q := 1.0
			for _, p := range strings.Split(params, ";") {
				if k, v, _ := strings.Cut(p, "="); strings.EqualFold(strings.TrimSpace(k), "q") {
					if x, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || !(x > 0 && x <= 1) {
						q = 0
					} else {
						q = x
					}
				}
			}
			for _, n := range names {
				if q > 0 && strings.EqualFold(strings.TrimSpace(name), n) {
					return true
				}
			}
		}
		return false
	}
	f.Fuzz(func(t *testing.T, accept string) {
		for _, a := range assets {
			switch got := chooseEncoding(accept, a); got {
			case "":
			case "gzip":
				require.NotNil(t, a.gzip)
				require.True(t, accepted(accept, "gzip", "x-gzip", "*"), "%q", accept)
			case "br":
				require.NotNil(t, a.br)
				require.True(t, accepted(accept, "br", "*"), "%q", accept)
			default:
				t.Fatalf("%q chose %q", accept, got)
			}
		}
	})
}

// Each encoding is its own representation: its own ETag, so that a resumed
// download (If-Range with the ETag of another encoding) gets the whole
// file rather than a range of bytes of another encoding; and its length,
// on GET and on HEAD alike.
func TestEachEncodingIsARepresentation(t *testing.T) {
	h := testHandler(t)
	etags := map[string]string{}
	for _, enc := range []string{"br", "gzip", "identity"} {
		accept := map[string]string{"Accept-Encoding": enc}
		resp := get(t, h, "GET", "/web/main.wasm", accept)
		body, _ := io.ReadAll(resp.Body)
		etags[enc] = resp.Header.Get("ETag")
		assert.Equal(t, strconv.Itoa(len(body)), resp.Header.Get("Content-Length"), enc)
		head := get(t, h, "HEAD", "/web/main.wasm", accept)
		assert.Equal(t, resp.Header.Get("Content-Length"), head.Header.Get("Content-Length"), "HEAD agrees with GET, %s", enc)
		assert.Equal(t, etags[enc], head.Header.Get("ETag"), enc)

		part := get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": enc, "Range": "bytes=10-19", "If-Range": etags[enc]})
		assert.Equal(t, http.StatusPartialContent, part.StatusCode, "a range of the same representation, %s", enc)
		got, _ := io.ReadAll(part.Body)
		assert.Equal(t, body[10:20], got, enc)
		assert.Equal(t, "10", part.Header.Get("Content-Length"))

		resp = get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": enc, "If-None-Match": etags[enc]})
		assert.Equal(t, http.StatusNotModified, resp.StatusCode, enc)
		assert.Empty(t, resp.Header.Get("Content-Length"))
	}
	assert.Len(t, map[string]bool{etags["br"]: true, etags["gzip"]: true, etags["identity"]: true}, 3, "three ETags: %v", etags)
	for _, enc := range []string{"br", "gzip"} {
		resp := get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": enc, "Range": "bytes=10-19", "If-Range": etags["identity"]})
		assert.Equal(t, http.StatusOK, resp.StatusCode, "If-Range of the identity form, asking %s: the whole %s body", enc, enc)
		assert.Equal(t, enc, resp.Header.Get("Content-Encoding"))
		body, _ := io.ReadAll(resp.Body)
		assert.Equal(t, resp.Header.Get("Content-Length"), strconv.Itoa(len(body)))
	}
	// A failed precondition carries no length of a body it does not have.
	resp := get(t, h, "GET", "/web/main.wasm", map[string]string{"Accept-Encoding": "br", "If-Match": `"other"`})
	assert.Equal(t, http.StatusPreconditionFailed, resp.StatusCode)
	assert.Empty(t, resp.Header.Get("Content-Length"))
}

// Over a real connection a compressed response is sent with its length,
// not chunked.
func TestCompressedResponseIsNotChunked(t *testing.T) {
	addr := listen(t, nil)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET /web/main.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n"))
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	assert.Equal(t, "br", resp.Header.Get("Content-Encoding"))
	assert.Empty(t, resp.TransferEncoding, "not chunked")
	assert.Positive(t, resp.ContentLength)
}

// "OPTIONS *", which net/http would answer itself, gets the handler's
// 405 with the security headers.
func TestOptionsStarHasSecurityHeaders(t *testing.T) {
	addr := listen(t, nil)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"))
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Content-Security-Policy"))
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
}

// -dir serves the app's files of the folder and nothing else of it: the
// repository root holds sources, build outputs and checkpoints.
func TestDirServesOnlyTheApp(t *testing.T) {
	dir := t.TempDir()
	for name, f := range testFS() {
		writeFile(t, dir, name, f.Data)
	}
	secrets := []string{"go.mod", "build/go.work", "weights/checkpoint.pt", "weights/report.md", "train/main.go", "README.md"}
	for _, name := range secrets {
		writeFile(t, dir, name, []byte("not for the web"))
	}
	assets, err := loadAssets(os.DirFS(dir), true)
	require.NoError(t, err)
	for _, name := range secrets {
		assert.Nil(t, assets["/"+name], name)
	}
	for _, name := range required {
		assert.NotNil(t, assets["/"+name], name)
	}
	assert.NotNil(t, assets["/"])

	// -site serves the folder as it is (the benchmark's own folder).
	site, err := loadAssets(os.DirFS(dir), false)
	require.NoError(t, err)
	assert.NotNil(t, site["/"+filepath.ToSlash("build/go.work")])
}
