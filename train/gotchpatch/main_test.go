package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A copy is taken as made only when it is a module whose rewritten files
// are exactly the ones this run would write: not with another patch (or
// the CUDA lib.go) or a file missing.
func TestMadeAlike(t *testing.T) {
	dir := t.TempDir()
	rewritten := map[string][]byte{"libtch/lib.go": []byte("cpu"), "ts/tensor-generated.go": []byte("fixed")}
	assert.False(t, madeAlike(filepath.Join(dir, "absent"), rewritten), "no folder")
	for file, data := range rewritten {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(file)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, file), data, 0o644))
	}
	assert.False(t, madeAlike(dir, rewritten), "no go.mod: not a module")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module github.com/sugarme/gotch\n"), 0o644))
	assert.True(t, madeAlike(dir, rewritten))
	assert.False(t, madeAlike(dir, map[string][]byte{"libtch/lib.go": []byte("cuda")}), "another lib.go")
	assert.False(t, madeAlike(dir, map[string][]byte{"libtch/godae_extra.go": []byte("x")}), "a file missing")
}

// fakeInclude is a libtorch include folder with just what run reads.
func fakeInclude(t *testing.T, version string) string {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "torch"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "torch", "torch.h"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "torch", "version.h"), []byte(version), 0o644))
	return dir
}

// copies are the patched copies in a cache folder, and anything else left there.
func copies(t *testing.T, cache string) []string {
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// With -cache, clones that make the same copy at the same time end up
// with one folder, named by its content, which both go.work files name;
// another libtorch (or -cuda) gets a folder of its own, and the first
// stays.
func TestCacheIsSharedAndNeverReplaced(t *testing.T) {
	t.Chdir("../..") // writeWork reads the module's go.mod
	cache, work := t.TempDir(), t.TempDir()
	include := fakeInclude(t, "1.13")
	errs := make(chan error, 2)
	for i := range 2 {
		go func() {
			errs <- run("", "", cache, filepath.Join(work, fmt.Sprint(i)), include, false)
		}()
	}
	require.NoError(t, <-errs)
	require.NoError(t, <-errs)
	names := copies(t, cache)
	require.Len(t, names, 1, "one copy, no half-made one left")
	assert.Regexp(t, `^gotch-v0\.7\.0-[0-9a-f]{16}$`, names[0])
	for i := range 2 {
		w, err := os.ReadFile(filepath.Join(work, fmt.Sprint(i)))
		require.NoError(t, err)
		assert.Contains(t, string(w), filepath.Join(cache, names[0]))
	}

	require.NoError(t, run("", "", cache, filepath.Join(work, "2"), fakeInclude(t, "2.0"), false))
	assert.Len(t, copies(t, cache), 2, "another libtorch, another copy beside the first")
	assert.Contains(t, copies(t, cache), names[0])
}

// -out and -work replace only what gotchpatch wrote there: a folder that
// is not a copy of gotch, or a file that is not its go.work, is refused
// before anything is written (they were deleted and overwritten).
func TestOnlyItsOwnIsReplaced(t *testing.T) {
	t.Chdir("../..") // writeWork reads the module's go.mod
	include := fakeInclude(t, "1.13")
	dir := t.TempDir()
	thesis := filepath.Join(dir, "victim", "thesis.txt")
	require.NoError(t, os.MkdirAll(filepath.Dir(thesis), 0o755))
	require.NoError(t, os.WriteFile(thesis, []byte("years of work"), 0o644))
	work := filepath.Join(dir, "go.work")
	err := run("", filepath.Join(dir, "victim"), "", work, include, false)
	require.ErrorContains(t, err, "is there and is not a copy of gotch that gotchpatch made")
	assert.FileExists(t, thesis, "the folder is left alone")
	assert.NoFileExists(t, work, "nothing was written")

	notes := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(notes, []byte("mine"), 0o644))
	require.ErrorContains(t, run("", filepath.Join(dir, "copy"), "", notes, include, false), "is not a go.work that gotchpatch wrote")
	require.ErrorContains(t, run("", "", t.TempDir(), notes, include, false), "is not a go.work that gotchpatch wrote", "with -cache too")
	data, err := os.ReadFile(notes)
	require.NoError(t, err)
	assert.Equal(t, "mine", string(data))
	assert.NoDirExists(t, filepath.Join(dir, "copy"))

	// A clone of gotch of one's own (no file of gotchpatch's in it) is
	// not replaced either.
	clone := filepath.Join(dir, "myclone")
	require.NoError(t, os.MkdirAll(clone, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(clone, "go.mod"), []byte("module github.com/sugarme/gotch\n\ngo 1.14\n"), 0o644))
	require.ErrorContains(t, run("", clone, "", work, include, false), "is not a copy of gotch that gotchpatch made")
	assert.FileExists(t, filepath.Join(clone, "go.mod"))

	// Its own copy and go.work are replaced, run after run.
	out := filepath.Join(dir, "copy")
	require.NoError(t, run("", out, "", work, include, false))
	require.NoError(t, run("", out, "", work, include, false))
	assert.FileExists(t, filepath.Join(out, "go.mod"))
}
