package weights

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"math"

	"github.com/google/renameio/v2"
	"github.com/nlpodyssey/safetensors"

	"github.com/godae/dae/nn"
)

// Encode serialises an architecture, its parameters and extra metadata as a
// safetensors file. The parameters are checked against the architecture
// first; meta may not use ArchKey, which Encode fills in.
func Encode(arch nn.Arch, params map[string]nn.Tensor, meta map[string]string) ([]byte, error) {
	if _, err := nn.New(arch, params); err != nil {
		return nil, err
	}
	if _, ok := meta[ArchKey]; ok {
		return nil, fmt.Errorf("metadata key %q is reserved for the architecture", ArchKey)
	}
	md := maps.Clone(meta)
	if md == nil {
		md = map[string]string{}
	}
	md[ArchKey] = arch.JSON()
	return EncodeTensors(params, md)
}

// EncodeTensors serialises any set of F32 tensors with the given
// __metadata__ as a safetensors file, without checking them against an
// architecture.
func EncodeTensors(tensors map[string]nn.Tensor, meta map[string]string) ([]byte, error) {
	views := map[string]safetensors.TensorView{}
	for name, t := range tensors {
		raw := make([]byte, 4*len(t.Data))
		for i, v := range t.Data {
			binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(v))
		}
		shape := make([]uint64, len(t.Shape))
		for i, d := range t.Shape {
			shape[i] = uint64(d)
		}
		view, err := safetensors.NewTensorView(safetensors.F32, shape, raw)
		if err != nil {
			return nil, fmt.Errorf("tensor %q: %w", name, err)
		}
		views[name] = view
	}
	var buf bytes.Buffer
	if err := safetensors.SerializeToWriter(views, meta, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write encodes the weights (see Encode) and writes them to path
// atomically: readers see the old file or the new one, never a part.
func Write(path string, arch nn.Arch, params map[string]nn.Tensor, meta map[string]string) error {
	data, err := Encode(arch, params, meta)
	if err != nil {
		return err
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing weights: %w", err)
	}
	return nil
}
