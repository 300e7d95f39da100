package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/andybalholm/brotli"
)

// asset is one file the server can send, with its precompressed forms.
type asset struct {
	body, gzip, br []byte // gzip and br are nil when compression does not pay
	contentType    string
	etag           string
}

// required are the files without which the app cannot work.
var required = []string{"index.html", "web/main.wasm", "web/wasm_exec.js", "web/boot.js", "web/style.css", "weights/dae.safetensors", "weights/ae.safetensors"}

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
}

// loadAssets reads every regular file of fsys (dotfiles excluded) into
// memory and compresses the compressible ones. The result is the whole set
// of URLs the server answers, so nothing else can be reached. With
// requireApp, the app's own files must be among them.
func loadAssets(fsys fs.FS, requireApp bool) (map[string]*asset, error) {
	assets := map[string]*asset{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
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
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		a := &asset{body: body, contentType: contentTypes[path.Ext(p)]}
		if a.contentType == "" {
			a.contentType = mime.TypeByExtension(path.Ext(p))
		}
		if a.contentType == "" {
			a.contentType = "application/octet-stream"
		}
		sum := sha256.Sum256(body)
		a.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
		if len(body) > 1024 && !strings.HasPrefix(a.contentType, "image/") {
			if a.gzip, err = gzipBytes(body); err != nil {
				return err
			}
			if a.br, err = brotliBytes(body); err != nil {
				return err
			}
		}
		assets["/"+p] = a
		return nil
	})
	if err != nil {
		return nil, err
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
