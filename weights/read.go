package weights

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/godae/dae/nn"
)

// MaxFileSize is the largest weights file Read accepts: 64 MiB, far more
// than any autoencoder within nn's limits of this kind needs.
const MaxFileSize = 64 << 20

// MaxHeaderSize is the largest JSON header Parse accepts: 1 MiB.
const MaxHeaderSize = 1 << 20

// ArchKey is the __metadata__ key that holds the architecture as JSON.
const ArchKey = "arch"

// File is the content of a weights file.
type File struct {
	Arch     nn.Arch
	Tensors  map[string]nn.Tensor
	Metadata map[string]string // all of __metadata__, ArchKey included
	Model    *nn.Model         // built from Arch and Tensors
}

// Read reads and parses the weights file at path.
func Read(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err // an *fs.PathError: it names the file
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than the %d MiB limit for weights", path, MaxFileSize>>20)
	}
	file, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return file, nil
}

// Parse decodes and validates a weights file held in memory. The returned
// tensors do not share memory with data.
func Parse(data []byte) (*File, error) {
	tensors, md, err := ParseTensors(data)
	if err != nil {
		return nil, err
	}
	archJSON, ok := md[ArchKey]
	if !ok {
		return nil, fmt.Errorf("the file's __metadata__ has no %q entry describing the architecture", ArchKey)
	}
	arch, err := nn.ParseArch([]byte(archJSON))
	if err != nil {
		return nil, fmt.Errorf("invalid architecture in __metadata__: %w", err)
	}
	model, err := nn.New(arch, tensors)
	if err != nil {
		return nil, fmt.Errorf("weights do not fit the architecture: %w", err)
	}
	return &File{Arch: arch, Tensors: tensors, Metadata: md, Model: model}, nil
}

// ParseTensors decodes any safetensors file whose tensors are all F32, with
// the same checks of the container as Parse, and returns its tensors and
// __metadata__ without interpreting them.
func ParseTensors(data []byte) (map[string]nn.Tensor, map[string]string, error) {
	if len(data) < 8 {
		return nil, nil, fmt.Errorf("not a safetensors file: %d bytes, but the file must start with an 8-byte header length", len(data))
	}
	n := binary.LittleEndian.Uint64(data)
	// A file that is not safetensors fails one of these; if it is of a
	// kind people give in place of weights, the message names it (its
	// magic bytes can also begin a valid header length, so only then).
	var bad error
	switch {
	case n > MaxHeaderSize && n > uint64(len(data)-8):
		// Any file's first 8 bytes read as a length; one longer than the
		// file says only that it is not one (its digits say nothing).
		bad = errors.New("not a safetensors file: its first bytes are not a header's length")
	case n > MaxHeaderSize:
		bad = fmt.Errorf("not a safetensors file: the header declares %d bytes, more than the %d allowed", n, MaxHeaderSize)
	case n > uint64(len(data)-8):
		bad = fmt.Errorf("file is truncated: the header declares %d bytes but only %d follow", n, len(data)-8)
	case n < 2 || data[8] != '{':
		bad = fmt.Errorf("not a safetensors file: the header is not a JSON object")
	}
	if bad != nil {
		if kind := otherFormat(data); kind != "" {
			return nil, nil, fmt.Errorf("not a safetensors file: this is %s", kind)
		}
		return nil, nil, bad
	}
	entries, md, err := parseHeader(data[8:8+n], uint64(len(data))-8-n)
	if err != nil {
		return nil, nil, fmt.Errorf("invalid safetensors file: %w", err)
	}
	section := data[8+n:]
	tensors := map[string]nn.Tensor{}
	for _, e := range entries {
		if e.dtype != "F32" {
			return nil, nil, fmt.Errorf("tensor %q has dtype %s; only F32 is supported (in PyTorch, a model's float() tensors)", e.name, e.dtype)
		}
		shape := make([]int, len(e.shape))
		for i, d := range e.shape {
			if d > MaxFileSize {
				return nil, nil, fmt.Errorf("tensor %q has an impossible shape %v", e.name, e.shape)
			}
			shape[i] = int(d)
		}
		raw := section[e.begin:e.end]
		vals := make([]float32, len(raw)/4)
		for i := range vals {
			vals[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
		tensors[e.name] = nn.Tensor{Shape: shape, Data: vals}
	}
	if md == nil {
		md = map[string]string{}
	}
	return tensors, md, nil
}

// otherFormat names the kind of file data is when it starts as a format
// people give in place of weights (a picture, a PyTorch checkpoint), or
// is "".
func otherFormat(data []byte) string {
	for _, f := range []struct{ magic, kind string }{
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"PK\x03\x04", "a zip archive, as PyTorch's torch.save writes (.pt, .pth): save the state dict with safetensors.torch.save_file instead"},
		{"\x80\x02", "a pickle, as older PyTorch's torch.save writes: save the state dict with safetensors.torch.save_file instead"},
	} {
		if strings.HasPrefix(string(data), f.magic) {
			return f.kind
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "a WebP image"
	}
	return ""
}
