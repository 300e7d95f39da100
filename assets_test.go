package dae

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// AppFiles names exactly what the embed directive embeds: every embedded
// file lies under one of its entries, and each entry is embedded.
func TestAppFilesAreTheEmbeddedOnes(t *testing.T) {
	under := func(p string) bool {
		for _, f := range AppFiles {
			if p == f || strings.HasPrefix(p, f+"/") {
				return true
			}
		}
		return false
	}
	err := fs.WalkDir(Assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !under(p) {
			t.Errorf("%s is embedded but not in AppFiles", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range AppFiles {
		if _, err := fs.Stat(Assets, f); err != nil {
			t.Errorf("AppFiles names %s, which is not embedded: %v", f, err)
		}
	}
}

// The weights files are named in several places that cannot share a Go
// value (the page's JavaScript; the wasm app, which must not import this
// package, or it would carry the embedded files): the page fetches before
// its first view what the app awaits, and the app fetches every bundled
// weights file, one of them (the strong model's) after the first view.
func TestWeightsFilesAgree(t *testing.T) {
	quoted := regexp.MustCompile(`"(weights/[a-z]+\.safetensors)"`)
	files := func(path, from string) []string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		i := strings.Index(text, from)
		if i < 0 {
			t.Fatalf("%s: %q not found", path, from)
		}
		line := text[i:]
		line = line[:strings.IndexByte(line, '\n')]
		var out []string
		for _, m := range quoted.FindAllStringSubmatch(line, -1) {
			out = append(out, m[1])
		}
		return out
	}
	boot := files("web/boot.js", `["weights/`)
	bundled := files("wasm/app.go", "var bundled = ")
	strong := files("wasm/app.go", "const strongWeights = ")
	if !slices.Equal(boot, bundled) {
		t.Errorf("web/boot.js fetches %v before the first view; wasm/app.go awaits %v", boot, bundled)
	}
	var embedded []string
	for _, f := range AppFiles {
		if strings.HasPrefix(f, "weights/") {
			embedded = append(embedded, f)
		}
	}
	app := append(slices.Clone(bundled), strong...)
	slices.Sort(app)
	slices.Sort(embedded)
	if !slices.Equal(app, embedded) || len(strong) != 1 {
		t.Errorf("the app fetches %v; the server embeds %v", app, embedded)
	}
}
