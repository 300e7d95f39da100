package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"path"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"

	dae "github.com/godae/dae"
	"github.com/godae/dae/internal/cli"
	"github.com/godae/dae/weights"
)

// asset is one file the server can send, with its precompressed forms.
// Each form is a representation of its own with its own ETag, so that a
// client resuming a download (If-Range) never joins bytes of two encodings.
type asset struct {
	body, gzip, br         []byte // gzip and br are nil when compression does not pay
	contentType            string
	etag, etagGzip, etagBr string
}

// required are the files without which the app cannot work.
var required = []string{"index.html", "sw.js", "web/main.wasm", "web/wasm_exec.js", "web/boot.js", "web/style.css", "web/decode.js", "web/prep.js",
	"weights/dae.safetensors", "weights/ae.safetensors", "weights/strong.safetensors", "weights/classifier.safetensors"}

// contentTypes fixes the types the app depends on (application/wasm for
// instantiateStreaming) rather than trusting the system's MIME tables.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".safetensors": "application/octet-stream",
	".png":         "image/png",
	".webmanifest": "application/manifest+json",
}

// Limits of what loadAssets reads into memory, checked from the files'
// sizes before they are read (their compressed forms come on top): a file
// no larger than a weights file may be (the app's largest, its wasm, is a
// few MiB), and a few hundred MiB in all (the browser benchmark's site,
// -site, is a few tens); a file of gigabytes in -dir is a mistake.
const (
	maxAsset  = weights.MaxFileSize
	maxAssets = 512 << 20
)

// loadAssets reads the files of fsys into memory and compresses the
// compressible ones. The result is the whole set of URLs the server
// answers, so nothing else can be reached. With requireApp it reads only
// the app's files (dae.AppFiles), which must be there; without, every
// regular file. Dotfiles are never read.
//
// A file X.gz next to X is X compressed ahead of time (make wasm writes
// web/main.wasm.gz with zopfli, 4 % smaller than gzip -9): it is sent to
// gzip clients instead of compressing X here, if it holds exactly X's
// bytes (a stale one is ignored). It is not served under its own name.
func loadAssets(fsys fs.FS, requireApp bool) (map[string]*asset, error) {
	files := map[string][]byte{}
	var total int64
	roots := []string{"."}
	if requireApp {
		roots = dae.AppFiles
	}
	for _, root := range roots {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return nil // reported below, with a hint, if required
			}
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != "." {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			if info.Size() > maxAsset {
				return fmt.Errorf("%s is %s: the server keeps every file it serves in memory, at most %s each", p, cli.Bytes(info.Size()), cli.Bytes(maxAsset))
			}
			if total+info.Size() > maxAssets {
				return fmt.Errorf("the files to serve are more than %s in all (with %s): the server keeps them in memory", cli.Bytes(maxAssets), p)
			}
			total += info.Size()
			files[p], err = fs.ReadFile(fsys, p)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if requireApp && files[serviceWorker] != nil {
		files[serviceWorker] = versionWorker(files)
	}
	assets := map[string]*asset{}
	for p, body := range files {
		if base, ok := strings.CutSuffix(p, ".gz"); ok && files[base] != nil {
			continue // a precompressed form, used below
		}
		a, err := newAsset(p, body, files[p+".gz"])
		if err != nil {
			return nil, err
		}
		assets["/"+p] = a
	}
	for _, r := range required {
		if requireApp && assets["/"+r] == nil {
			hint := ""
			if strings.HasPrefix(r, "web/") {
				hint = " (build the app first: make wasm, or use make serve)"
			}
			return nil, fmt.Errorf("the app's file %s is missing%s", r, hint)
		}
	}
	if a := assets["/index.html"]; a != nil {
		assets["/"] = a
	}
	return assets, nil
}

// newAsset makes the asset of file p; pre is its precompressed gzip form,
// if any.
func newAsset(p string, body, pre []byte) (*asset, error) {
	a := &asset{body: body, contentType: contentType(p)}
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:12])
	a.etag, a.etagGzip, a.etagBr = `"`+tag+`"`, `"`+tag+`-gzip"`, `"`+tag+`-br"`
	if len(body) <= 1024 || strings.HasPrefix(a.contentType, "image/") {
		return a, nil
	}
	var err error
	if pre != nil && gunzipEquals(pre, body) {
		a.gzip = pre
	} else if a.gzip, err = gzipBytes(body); err != nil {
		return nil, err
	}
	if a.br, err = brotliBytes(body); err != nil {
		return nil, err
	}
	return a, nil
}

// gunzipEquals reports whether gz decompresses to exactly body (a stale
// precompressed file, from an earlier build, does not).
func gunzipEquals(gz, body []byte) bool {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(body))+1))
	return err == nil && bytes.Equal(got, body)
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return smaller(buf.Bytes(), b), nil
}

func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 9)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return smaller(buf.Bytes(), b), nil
}

// smaller keeps a compressed form only if it saves at least a tenth.
func smaller(compressed, body []byte) []byte {
	if len(compressed) > len(body)*9/10 {
		return nil
	}
	return compressed
}

// serviceWorker is the app's service worker script, which keeps the app's
// files for use with no network.
const serviceWorker = "sw.js"

// versionWorker is the service worker script with its placeholders filled
// in: the version, a hash of every other file of the app (names and
// bytes) and of the headers they are served with, the list of those files
// (the page itself as "./"), for it to keep, and their Subresource
// Integrity (integrity). Any change to the app changes the script, and the browser installs
// a changed script on the next visit with a network.
func versionWorker(files map[string][]byte) []byte {
	var names []string
	for p := range files {
		if base, ok := strings.CutSuffix(p, ".gz"); ok && files[base] != nil {
			continue // a precompressed form, not a file of its own
		}
		if p != serviceWorker && p != "index.html" { // the page is kept as "./"
			names = append(names, p)
		}
	}
	slices.Sort(names)
	h := sha256.New()
	// The headers the files are kept with count too: a new CSP is a new
	// version.
	fmt.Fprintf(h, "%s\x00%v\x00", appPolicy.csp, contentTypes)
	if files["index.html"] != nil {
		h.Write(files["index.html"])
	}
	list := []string{"./"}
	for _, p := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
		h.Write(files[p])
		list = append(list, p)
	}
	js, _ := json.Marshal(list) // strings always marshal
	out := bytes.Replace(files[serviceWorker], []byte("__GODAE_VERSION__"), []byte(hex.EncodeToString(h.Sum(nil))[:16]), 1)
	out = bytes.Replace(out, []byte("__GODAE_FILES__"), js, 1)
	return bytes.Replace(out, []byte("__GODAE_INTEGRITY__"), integrity(files, names), 1)
}

// integrity is, as JSON, each of names' Subresource Integrity ("sha256-"
// and the base64 of its bytes' SHA-256), for the service worker to keep
// only the files of its own version: a static host caught halfway through
// a deploy (sw.js new, main.wasm still old), or a CDN that caches each
// file apart, served the old wasm into the new version's cache, where it
// stayed. The browser checks it against the body decoded, so a
// precompressed form is checked as its file. The page ("./") and the
// pictures (the icons) are left out: hosts rewrite HTML (a script put in)
// and recompress pictures, which would fail every install, and neither
// holds any of the app's workings (the page only names the files).
func integrity(files map[string][]byte, names []string) []byte {
	sums := make(map[string]string, len(names))
	for _, p := range names {
		if isPicture(p) {
			continue
		}
		sum := sha256.Sum256(files[p])
		sums[p] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	js, _ := json.Marshal(sums) // strings always marshal
	return js
}

// isPicture says whether the file p is a picture, by its name.
func isPicture(p string) bool { return strings.HasPrefix(contentType(p), "image/") }

// contentType is the type the file p is served as, by its name.
func contentType(p string) string {
	if t := contentTypes[path.Ext(p)]; t != "" {
		return t
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}
