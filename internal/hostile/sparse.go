package hostile

import (
	"os"
	"path/filepath"
	"testing"
)

// BigFile is the size of the file SparseFile makes: far beyond any limit
// the project sets on a file (64 MiB a weights file), as a disk image or a
// video given by mistake would be.
const BigFile = 2 << 30

// SparseFile makes a file of BigFile bytes named name in a temporary
// folder of tb's and returns its path: all zeros, and sparse where the
// file system can be (it takes no disk then), for a program that must
// refuse it from its size before reading it.
func SparseFile(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(BigFile); err != nil {
		tb.Fatal(err)
	}
	return path
}
