package dae

import (
	"io/fs"
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
