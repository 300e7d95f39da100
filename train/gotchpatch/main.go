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
// copy in the user's cache folder (-cache), in a folder named for what was
// written into it, so that every clone of the project that makes the same
// copy uses the same folder and Go compiles gotch's C++ wrappers once, not
// once per clone; and go.work in the clone's ignored build folder.
//
//	go run ./train/gotchpatch -cache ~/.cache/godae -work build/go.work
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/godae/dae/internal/cli"
)

func main() {
	src := flag.String("src", "", "gotch "+GotchVersion+" source folder (default: from the module cache, downloading it if needed)")
	out := flag.String("out", "build/gotch", "folder to write the patched copy to (an earlier copy there is replaced; anything else there is refused); see -cache")
	cache := flag.String("cache", "", "instead of -out, a folder for copies named by their content: the copy is made there once and kept for every clone that makes the same one")
	work := flag.String("work", "build/go.work", "go.work file to write (an earlier one gotchpatch wrote is replaced; any other file is refused); it uses the module in the current folder")
	include := flag.String("torch-include", "/usr/include/torch/csrc/api/include", "libtorch's C++ API include folder")
	cuda := flag.Bool("cuda", false, "also link libtorch's CUDA libraries (needs a CUDA build of libtorch)")
	flag.Parse()
	cli.NoArgs("gotchpatch")
	if err := run(*src, *out, *cache, *work, *include, *cuda); err != nil {
		fmt.Fprintln(os.Stderr, "gotchpatch:", err)
		os.Exit(1)
	}
}

func run(src, out, cache, work, include string, cuda bool) error {
	target := out
	if cache != "" {
		target = "" // named by its content, in the cache
	}
	if err := replaceable(target, work); err != nil {
		return err
	}
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

	version, err := os.ReadFile(filepath.Join(include, "torch", "version.h"))
	if err != nil {
		return fmt.Errorf("libtorch's version.h not found in %s: %w", include, err)
	}
	// The files this run writes over gotch's, by slash-separated path.
	rewritten := map[string][]byte{
		"libtch/torch_api_generated.cpp.h": patched,
		"ts/tensor-generated.go":           tsGen,
		"libtch/lib.go":                    libGo(include, cuda, version),
		extraFile:                          extraGo,
	}
	if cache != "" {
		out = filepath.Join(cache, "gotch-"+GotchVersion+"-"+contentKey(rewritten))
		if madeAlike(out, rewritten) {
			fmt.Fprintf(os.Stderr, "gotchpatch: using %s\n", out)
			return writeWork(work, out)
		}
		if _, err := os.Stat(out); err == nil {
			return fmt.Errorf("%s is not the copy its name says it is (edited by hand?): remove it and run again", out)
		}
		removeStale(cache)
	}
	out = filepath.Clean(out)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	// A folder of its own beside out, renamed into place when complete:
	// a copy is never seen half-made, even by another clone's make.
	tmp, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+tmpInfix)
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
	if cache == "" { // a copy in the cache is never replaced: its name is its content
		if err := os.RemoveAll(out); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if cache != "" && madeAlike(out, rewritten) {
			return writeWork(work, out) // another clone's make made it meanwhile
		}
		return err
	}
	return writeWork(work, out)
}

// replaceable refuses to replace what is at out (none with -cache) and
// work unless it is what gotchpatch writes there: a copy of gotch (a
// module named gotchModule) with the file only gotchpatch adds (a
// developer's own clone of gotch is not replaced), and a go.work it wrote.
// Any other folder or file given by mistake would be deleted or
// overwritten, whatever it held.
func replaceable(out, work string) error {
	if _, err := os.Lstat(out); out != "" && err == nil {
		mod, err := os.ReadFile(filepath.Join(out, "go.mod"))
		_, extra := os.Stat(filepath.Join(out, filepath.FromSlash(extraFile)))
		if err != nil || !strings.HasPrefix(string(mod), "module "+gotchModule+"\n") || extra != nil {
			return fmt.Errorf("%s is there and is not a copy of gotch that gotchpatch made (a go.mod of module %s, and %s), which -out replaces: remove it yourself, or give another folder", out, gotchModule, extraFile)
		}
	}
	if _, err := os.Lstat(work); err == nil {
		data, err := os.ReadFile(work)
		if err != nil || !strings.HasPrefix(string(data), workHeader) {
			return fmt.Errorf("%s is there and is not a go.work that gotchpatch wrote, which -work replaces: remove it yourself, or give another file", work)
		}
	}
	return nil
}

// extraFile is the file gotchpatch adds to gotch's, by slash-separated
// path.
const extraFile = "libtch/godae_extra.go"

// gotchModule is the module path of gotch, in its go.mod.
const gotchModule = "github.com/sugarme/gotch"

// workHeader begins every go.work that gotchpatch writes.
const workHeader = "// Generated by train/gotchpatch;"

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

// tmpInfix marks a copy being made; one left by an interrupted run is
// removed by a later one (removeStale).
const tmpInfix = ".tmp-"

// contentKey names a copy by what this run writes into it (the rest is
// gotch's own, as the version pins it): 16 hex digits of the SHA-256 of
// the rewritten files, in the order of their paths.
func contentKey(rewritten map[string][]byte) string {
	h := sha256.New()
	for _, file := range slices.Sorted(maps.Keys(rewritten)) {
		fmt.Fprintf(h, "%s %d\n", file, len(rewritten[file]))
		h.Write(rewritten[file])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// removeStale removes the copies that runs interrupted at least an hour
// ago left half-made in the cache folder.
func removeStale(cache string) {
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && e.IsDir() && strings.Contains(e.Name(), tmpInfix) && time.Since(info.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(cache, e.Name()))
		}
	}
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
	content := fmt.Sprintf("%s used with GOWORK=%s.\ngo %s\n\nuse %s\n\nreplace %s %s => %s\n",
		workHeader, work, goVersion, wd, gotchModule, GotchVersion, abs)
	return os.WriteFile(work, []byte(content), 0o644)
}
