package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// distMarker is the file in which writeDist lists the files it wrote, so
// that a later run replaces those and touches nothing else in the folder
// (a .git, a CNAME a host needs, notes).
const distMarker = ".godae-dist"

// headersFile is the name the common static hosts (Netlify, Cloudflare
// Pages) read response headers from.
const headersFile = "_headers"

// writeDist writes the app's files in fsys to dir as a static site that
// any static host or CDN serves as it is: every file, its precompressed
// .gz and .br beside it where compression pays (as this server sends
// them; nginx's gzip_static and brotli_static send them too), and a
// _headers file with the headers this server sends: the security headers
// (CSP included), the content types a host may not know (application/wasm
// for instantiateStreaming), and revalidation, as the file names are not
// content-hashed. In dir, the files of an earlier dist are replaced and
// every other file is left alone; a file of the same name as one of the
// app's that an earlier dist did not write stops it.
func writeDist(fsys fs.FS, dir string) error {
	assets, err := loadAssets(fsys, true)
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	var paths []string
	for p, a := range assets {
		if p == "/" {
			continue
		}
		paths = append(paths, p)
		for suffix, data := range map[string][]byte{"": a.body, ".gz": a.gzip, ".br": a.br} {
			if data != nil {
				files[strings.TrimPrefix(p, "/")+suffix] = data
			}
		}
	}
	slices.Sort(paths)
	files[headersFile] = []byte(distHeaders(assets, paths))
	names := slices.Sorted(maps.Keys(files))
	if err := clearDist(dir, names); err != nil {
		return err
	}
	// The list first: a run stopped halfway leaves a folder the next run
	// can replace.
	if err := os.WriteFile(filepath.Join(dir, distMarker), []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	for _, name := range names {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// clearDist makes dir ready for a dist of the files names: it creates it,
// and removes the files an earlier dist listed in its marker. It refuses
// to overwrite any other file.
func clearDist(dir string, names []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ours := map[string]bool{}
	if list, err := os.ReadFile(filepath.Join(dir, distMarker)); err == nil {
		for _, name := range strings.Split(strings.TrimSpace(string(list)), "\n") {
			if name == "" || !filepath.IsLocal(filepath.FromSlash(name)) {
				continue // not one this function could have written
			}
			ours[name] = true
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err == nil && !ours[name] {
			return fmt.Errorf("-dist %s: %s is there and was not written by -dist; move it away or give another folder", dir, name)
		}
	}
	return nil
}

// distHeaders is the _headers file: the headers of every response, then
// each file's content type, and the length a compressed file unpacks to
// (the host sends the .gz or .br beside it).
func distHeaders(assets map[string]*asset, paths []string) string {
	var b strings.Builder
	hd := http.Header{}
	(&handler{policy: appPolicy}).securityHeaders(hd)
	hd.Set("Cache-Control", assetCacheControl)
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
		if a := assets[p]; a.gzip != nil || a.br != nil {
			fmt.Fprintf(&b, "  %s: %d\n", unpackedLength, len(a.body))
		}
	}
	return b.String()
}
