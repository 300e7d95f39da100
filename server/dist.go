package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// distMarker is the file that marks a folder as written by writeDist, so
// that a later run may replace it, and no other folder.
const distMarker = ".godae-dist"

// headersFile is the name the common static hosts (Netlify, Cloudflare
// Pages) read response headers from.
const headersFile = "_headers"

// writeDist writes the app's files in fsys to dir as a static site that
// any static host or CDN serves as it is: every file, its precompressed
// .gz and .br beside it where compression pays (as this server sends
// them), and a _headers file with the headers this server sends: the
// security headers (CSP included), the content types a host may not know
// (application/wasm for instantiateStreaming), and revalidation, as the
// file names are not content-hashed. dir must be absent, empty, or an
// earlier dist.
func writeDist(fsys fs.FS, dir string) error {
	assets, err := loadAssets(fsys, true)
	if err != nil {
		return err
	}
	if err := clearDist(dir); err != nil {
		return err
	}
	var paths []string
	for p := range assets {
		if p != "/" {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	write := func(p string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	}
	for _, p := range paths {
		a := assets[p]
		for suffix, data := range map[string][]byte{"": a.body, ".gz": a.gzip, ".br": a.br} {
			if data == nil {
				continue
			}
			if err := write(p+suffix, data); err != nil {
				return err
			}
		}
	}
	if err := write(headersFile, []byte(distHeaders(assets, paths))); err != nil {
		return err
	}
	return write(distMarker, []byte("written by the godae server's -dist; replaced by the next one\n"))
}

// clearDist makes dir ready for a dist: it creates it, or empties an
// earlier dist; it refuses any other folder with files in it.
func clearDist(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, distMarker)); err != nil {
		return fmt.Errorf("-dist %s: the folder has files and was not written by -dist; give an empty or new folder", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// distHeaders is the _headers file: the headers of every response, then
// each file's content type.
func distHeaders(assets map[string]*asset, paths []string) string {
	var b strings.Builder
	hd := http.Header{}
	(&handler{policy: appPolicy}).securityHeaders(hd)
	hd.Set("Cache-Control", "no-cache")
	b.WriteString("# Response headers for static hosts that read them (Netlify, Cloudflare Pages); written by the\n# godae server's -dist, the same headers it sends itself.\n/*\n")
	keys := make([]string, 0, len(hd))
	for k := range hd {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %s\n", k, hd.Get(k))
	}
	for _, p := range paths {
		fmt.Fprintf(&b, "%s\n  Content-Type: %s\n", p, assets[p].contentType)
	}
	return b.String()
}
