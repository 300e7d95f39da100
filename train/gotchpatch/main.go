// Command gotchpatch makes a copy of gotch v0.7.0 that builds against the
// libtorch installed on this system (Debian's libtorch-dev 1.13.1), and a
// go.work file that puts that copy in place of the module for the trainer.
//
// It reads gotch from the Go module cache, checks that the files it rewrites
// are exactly v0.7.0's, stubs the 38 generated wrappers that libtorch 1.13
// no longer compiles (calling one returns an error), replaces libtch/lib.go
// with one that links the CPU libraries (CUDA with -cuda), and fixes the
// output arrays of the generated tensor ops, which gotch allocates too
// small and never frees.
// gotch's code is never committed to this repository: make gotch keeps the
// copy in the user's cache folder (-keep: every clone of the project uses
// the same copy, so Go compiles gotch's C++ wrappers once, not once per
// clone), and go.work in the clone's ignored build folder.
//
//	go run ./train/gotchpatch -keep -out ~/.cache/godae/gotch -work build/go.work
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	src := flag.String("src", "", "gotch "+GotchVersion+" source folder (default: from the module cache, downloading it if needed)")
	out := flag.String("out", "build/gotch", "folder to write the patched copy to (replaced if present, unless -keep finds it made alike)")
	keep := flag.Bool("keep", false, "keep the copy in -out if it is already the one this run would make (so that clones sharing one -out share Go's compiled cgo wrappers)")
	work := flag.String("work", "build/go.work", "go.work file to write; it uses the module in the current folder")
	include := flag.String("torch-include", "/usr/include/torch/csrc/api/include", "libtorch's C++ API include folder")
	cuda := flag.Bool("cuda", false, "also link libtorch's CUDA libraries (needs a CUDA build of libtorch)")
	flag.Parse()
	if err := run(*src, *out, *work, *include, *cuda, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "gotchpatch:", err)
		os.Exit(1)
	}
}

func run(src, out, work, include string, cuda, keep bool) error {
	if src == "" {
		var err error
		if src, err = moduleDir("github.com/sugarme/gotch@" + GotchVersion); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(include, "torch", "torch.h")); err != nil {
		return fmt.Errorf("libtorch headers not found in %s (install them with: apt-get install libtorch-dev): %w", include, err)
	}
	gen, err := readPinned(src, "libtch/torch_api_generated.cpp.h")
	if err != nil {
		return err
	}
	if _, err := readPinned(src, "libtch/lib.go"); err != nil {
		return err
	}
	patched, err := stubFunctions(gen, Unavailable)
	if err != nil {
		return err
	}
	tsGen, err := readPinned(src, "ts/tensor-generated.go")
	if err != nil {
		return err
	}
	if tsGen, err = fixOutputSlots(tsGen); err != nil {
		return err
	}

	// The files this run writes over gotch's, by slash-separated path.
	rewritten := map[string][]byte{
		"libtch/torch_api_generated.cpp.h": patched,
		"ts/tensor-generated.go":           tsGen,
		"libtch/lib.go":                    libGo(include, cuda),
		"libtch/godae_extra.go":            extraGo,
	}
	if keep && madeAlike(out, rewritten) {
		fmt.Fprintf(os.Stderr, "gotchpatch: %s is already this patch of gotch %s; kept\n", out, GotchVersion)
		return writeWork(work, out)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	// A folder of its own beside out, renamed into place when complete:
	// a copy is never seen half-made, even by another clone's make.
	tmp, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after a failure; renamed away otherwise
	if err := os.CopyFS(tmp, os.DirFS(src)); err != nil {
		return fmt.Errorf("copying gotch: %w", err)
	}
	// The module cache is read-only; the copy must be writable to be replaced later.
	if err := filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	}); err != nil {
		return err
	}
	for file, data := range rewritten {
		if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(file)), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	return writeWork(work, out)
}

// madeAlike reports whether the folder out holds a copy that this run
// would write: a gotch module whose rewritten files are already these.
// The other files are gotch's own, as the version pins them.
func madeAlike(out string, rewritten map[string][]byte) bool {
	if _, err := os.Stat(filepath.Join(out, "go.mod")); err != nil {
		return false
	}
	for file, want := range rewritten {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err != nil || !bytes.Equal(got, want) {
			return false
		}
	}
	return true
}

// readPinned reads file (slash-separated) from the gotch folder src and
// checks that it is v0.7.0's.
func readPinned(src, file string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(file)))
	if err != nil {
		return nil, err
	}
	return data, checkPinned(file, data)
}

// moduleDir downloads a module (a no-op when cached) and returns its folder.
func moduleDir(mod string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", mod)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(b, &info); err != nil {
		return "", err
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, info.Error)
	}
	return info.Dir, nil
}

// writeWork writes a go.work that uses the main module (the current folder,
// whose go directive it repeats) and replaces gotch with the patched copy.
func writeWork(work, patched string) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		return fmt.Errorf("run gotchpatch in the module's folder: %w", err)
	}
	goVersion := ""
	for _, line := range strings.Split(string(mod), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			goVersion = strings.TrimSpace(v)
		}
	}
	if goVersion == "" {
		return fmt.Errorf("go.mod has no go directive")
	}
	abs, err := filepath.Abs(patched)
	if err != nil {
		return err
	}
	content := fmt.Sprintf("// Generated by train/gotchpatch; used with GOWORK=%s.\ngo %s\n\nuse %s\n\nreplace github.com/sugarme/gotch %s => %s\n",
		work, goVersion, wd, GotchVersion, abs)
	return os.WriteFile(work, []byte(content), 0o644)
}
