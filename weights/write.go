package weights

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/google/renameio/v2"

	"github.com/godae/dae/internal/jsonstr"

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
//
// It writes what the reference implementation (github.com/nlpodyssey/
// safetensors, a port of Hugging Face's code) writes, byte for byte, as
// the tests check: tensors in name order, the header's keys sorted, strings
// escaped as encoding/json escapes them, and the header padded with spaces
// to a multiple of 8 bytes. It is written here rather than called there so
// that the browser app, which links this package to read weights, does not
// link that library and encoding/json with it.
func EncodeTensors(tensors map[string]nn.Tensor, meta map[string]string) ([]byte, error) {
	names := slices.Sorted(maps.Keys(tensors))
	keys := slices.Clone(names)
	if len(meta) > 0 {
		if _, ok := tensors[metadataKey]; ok {
			return nil, fmt.Errorf("a tensor may not be named %q", metadataKey)
		}
		keys = append(keys, metadataKey)
		slices.Sort(keys)
	}
	offsets := map[string][2]uint64{}
	var end uint64
	for _, name := range names {
		t := tensors[name]
		n := 1
		for _, d := range t.Shape {
			if d < 0 {
				return nil, fmt.Errorf("tensor %q has the negative dimension %d", name, d)
			}
			n *= d
		}
		if n != len(t.Data) {
			return nil, fmt.Errorf("tensor %q has %d values, shape %v needs %d", name, len(t.Data), t.Shape, n)
		}
		offsets[name] = [2]uint64{end, end + 4*uint64(n)}
		end += 4 * uint64(n)
	}

	h := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			h = append(h, ',')
		}
		h = append(jsonstr.Append(h, k), ':')
		if k == metadataKey {
			h = append(h, '{')
			for j, mk := range slices.Sorted(maps.Keys(meta)) {
				if j > 0 {
					h = append(h, ',')
				}
				h = jsonstr.Append(append(jsonstr.Append(h, mk), ':'), meta[mk])
			}
			h = append(h, '}')
			continue
		}
		h = append(h, `{"dtype":"F32","shape":[`...)
		for j, d := range tensors[k].Shape {
			if j > 0 {
				h = append(h, ',')
			}
			h = strconv.AppendInt(h, int64(d), 10)
		}
		o := offsets[k]
		h = append(h, `],"data_offsets":[`...)
		h = append(strconv.AppendUint(append(strconv.AppendUint(h, o[0], 10), ','), o[1], 10), "]}"...)
	}
	h = append(h, '}')
	for len(h)%8 != 0 {
		h = append(h, ' ')
	}

	out := make([]byte, 0, 8+len(h)+int(end))
	out = binary.LittleEndian.AppendUint64(out, uint64(len(h)))
	out = append(out, h...)
	for _, name := range names {
		for _, v := range tensors[name].Data {
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v))
		}
	}
	return out, nil
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
