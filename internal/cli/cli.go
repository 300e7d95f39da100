// Package cli holds what the project's commands (eval, train, the server,
// the benchmarks' tools) share in reading their command lines: refusing
// words that are not flags, files too large for what they should hold,
// and output paths that cannot be written, before any work starts.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// NoArgs ends the program with a usage error (exit status 2) when its
// command line holds a word after the flags: the flag package stops at the
// first such word, so a stray one would drop every flag after it without
// a word (eval stray -n 5 ran the whole evaluation).
func NoArgs(cmd string) {
	if err := noArgs(flag.CommandLine); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v (see %s -h)\n", cmd, err, cmd)
		os.Exit(2)
	}
}

func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() == 0 {
		return nil
	}
	return fmt.Errorf("unexpected argument %q: every option is a flag, and the flags after it would be ignored", fs.Arg(0))
}

// ReadFile reads the file at path, refusing one of more than limit bytes
// before reading it: a file given by mistake (a disk image, a video) would
// otherwise be read whole into memory before it is found to be no file of
// the kind wanted. what names the kind, for the message.
func ReadFile(path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not %s", path, what)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s is %s, more than %s is (at most %s)", path, Bytes(st.Size()), what, Bytes(limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1)) // a file that grows as it is read
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is more than %s, more than %s is", path, Bytes(limit), what)
	}
	return data, nil
}

// Bytes is n bytes said as a person reads them: "512 bytes", "3.2 MiB".
func Bytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
}

// CheckOutput says why a file could not be written at path, before the
// work whose result it is to hold: its folder missing or not writable, or
// a folder in its place. The flag names the option, for the message.
func CheckOutput(flagName, path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("-%s %s: is a folder; give a file's path", flagName, path)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("-%s %s: there is no folder %s", flagName, path, dir)
	}
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // its path is the check's file, not the person's
		}
		return fmt.Errorf("-%s %s: cannot write in %s: %w", flagName, path, dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}
