package cli

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/internal/hostile"
)

func TestNoArgs(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"-n", "5"}, true},
		{[]string{"stray", "-n", "5"}, false},
		{[]string{"-n", "5", "stray"}, false},
	} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.Int("n", 0, "")
		require.NoError(t, fs.Parse(c.args))
		err := noArgs(fs)
		if c.ok {
			assert.NoError(t, err, "%q", c.args)
		} else {
			assert.ErrorContains(t, err, `unexpected argument "stray"`, "%q", c.args)
		}
	}
}

// A file over the limit is refused from its size, before it is read: a
// sparse file of 2 GiB (no disk, no memory) is refused at once.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	require.NoError(t, os.WriteFile(small, []byte("hello"), 0o644))
	data, err := ReadFile(small, 5, "an architecture")
	require.NoError(t, err)
	assert.Equal(t, "hello", string(data))

	_, err = ReadFile(small, 4, "an architecture")
	assert.EqualError(t, err, small+" is 5 bytes, more than an architecture is (at most 4 bytes)")

	sparse := hostile.SparseFile(t, "sparse")
	_, err = ReadFile(sparse, 1<<20, "a weights file")
	assert.EqualError(t, err, sparse+" is 2.0 GiB, more than a weights file is (at most 1.0 MiB)")

	_, err = ReadFile(dir, 1<<20, "a weights file")
	assert.EqualError(t, err, dir+" is a folder, not a weights file")
	_, err = ReadFile(filepath.Join(dir, "absent"), 1, "x")
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	assert.NoError(t, CheckOutput("json", filepath.Join(dir, "out.json")))
	assert.NoFileExists(t, filepath.Join(dir, "out.json"), "nothing is left behind")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
	assert.EqualError(t, CheckOutput("json", dir), "-json "+dir+": is a folder; give a file's path")
	assert.EqualError(t, CheckOutput("json", filepath.Join(dir, "no", "x.json")), "-json "+filepath.Join(dir, "no", "x.json")+": there is no folder "+filepath.Join(dir, "no"))
}

func TestBytes(t *testing.T) {
	assert.Equal(t, "512 bytes", Bytes(512))
	assert.Equal(t, "1.5 KiB", Bytes(1536))
	assert.Equal(t, "64.0 MiB", Bytes(64<<20))
	assert.Equal(t, "2.0 GiB", Bytes(2<<30))
}
