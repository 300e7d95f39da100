package weights

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"

	"github.com/valyala/fastjson"

	"github.com/godae/dae/internal/jsonstr"
)

// entry is one tensor as the header describes it.
type entry struct {
	name       string
	dtype      string
	shape      []uint64
	begin, end uint64 // data_offsets: the tensor's bytes in the data section
}

// parseHeader reads a safetensors JSON header and checks it against a data
// section of dataLen bytes: the tensors' offsets must tile it exactly, each
// tensor taking as many bytes as its shape and dtype say. It returns the
// tensors in data order and __metadata__.
//
// The checks are the reference safetensors code's (as ported by
// github.com/nlpodyssey/safetensors, whose writing EncodeTensors repeats and which the
// tests hold this reader to), and a little stricter: no trailing data after
// the JSON, no repeated names. The JSON is read with fastjson rather than
// encoding/json because encoding/json, with the reflection it brings,
// would be a large part of the browser app's wasm (the README has the size).
func parseHeader(header []byte, dataLen uint64) ([]entry, map[string]string, error) {
	if err := jsonstr.Check(header); err != nil {
		return nil, nil, fmt.Errorf("the header is not valid JSON: %w", err)
	}
	var p fastjson.Parser
	v, err := p.ParseBytes(header)
	if err != nil {
		return nil, nil, fmt.Errorf("the header is not valid JSON: %s", jsonstr.Shorten(err.Error()))
	}
	obj, err := v.Object()
	if err != nil {
		return nil, nil, errors.New("the header is not a JSON object")
	}
	var entries []entry
	var meta map[string]string
	seen := map[string]bool{}
	obj.Visit(func(k []byte, v *fastjson.Value) {
		name := string(k)
		if err != nil {
			return
		}
		if seen[name] {
			err = fmt.Errorf("the header names %q twice", name)
			return
		}
		seen[name] = true
		if name == metadataKey {
			meta, err = parseMetadata(v)
			return
		}
		var e entry
		e, err = parseEntry(name, v)
		entries = append(entries, e)
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(entries, func(i, j int) bool { // sort, not slices: 15 KB less wasm
		a, b := entries[i], entries[j]
		return a.begin < b.begin || (a.begin == b.begin && a.end < b.end)
	})
	next := uint64(0)
	for _, e := range entries {
		if e.begin != next || e.end < e.begin {
			return nil, nil, fmt.Errorf("tensor %q has data_offsets [%d, %d]; the tensors must tile the data section in order, and this one should start at %d", e.name, e.begin, e.end, next)
		}
		size, ok := uint64(dtypeSize(e.dtype)), true
		for _, d := range e.shape {
			hi, lo := bits.Mul64(size, d)
			size, ok = lo, ok && hi == 0
		}
		if !ok || size != e.end-e.begin {
			return nil, nil, fmt.Errorf("tensor %q takes %d bytes in the data section, but its shape %v of %s needs more or fewer", e.name, e.end-e.begin, e.shape, e.dtype)
		}
		next = e.end
	}
	if next > dataLen { // most often a download cut short: say so
		return nil, nil, fmt.Errorf("file is truncated: its tensors take %d bytes but only %d follow the header", next, dataLen)
	}
	if next < dataLen {
		return nil, nil, fmt.Errorf("%d bytes follow the header, %d more than its tensors take", dataLen, dataLen-next)
	}
	return entries, meta, nil
}

// parseMetadata reads __metadata__: an object of strings.
func parseMetadata(v *fastjson.Value) (map[string]string, error) {
	obj, err := v.Object()
	if err != nil {
		return nil, errors.New("__metadata__ is not a JSON object")
	}
	meta := map[string]string{}
	obj.Visit(func(k []byte, v *fastjson.Value) {
		if err != nil {
			return
		}
		s, e := v.StringBytes()
		if e != nil {
			err = fmt.Errorf("__metadata__ %q is not a string", k)
			return
		}
		meta[string(k)] = string(s)
	})
	return meta, err
}

// parseEntry reads one tensor's {"dtype", "shape", "data_offsets"}.
func parseEntry(name string, v *fastjson.Value) (entry, error) {
	e := entry{name: name}
	obj, err := v.Object()
	if err != nil || obj.Len() != 3 {
		return e, fmt.Errorf("tensor %q is not an object of dtype, shape and data_offsets", name)
	}
	d := obj.Get("dtype") // nil when missing
	if d == nil {
		return e, fmt.Errorf("tensor %q has no dtype", name)
	}
	dtype, err := d.StringBytes()
	if err != nil {
		return e, fmt.Errorf("tensor %q has no dtype string", name)
	}
	e.dtype = string(dtype)
	if dtypeSize(e.dtype) == 0 {
		return e, fmt.Errorf("tensor %q has the unknown dtype %q", name, e.dtype)
	}
	if e.shape, err = naturals(obj.Get("shape")); err != nil {
		return e, fmt.Errorf("tensor %q: shape: %w", name, err)
	}
	offsets, err := naturals(obj.Get("data_offsets"))
	if err != nil || len(offsets) != 2 {
		return e, fmt.Errorf("tensor %q: data_offsets must be two natural numbers", name)
	}
	e.begin, e.end = offsets[0], offsets[1]
	return e, nil
}

// naturals reads an array of natural numbers.
func naturals(v *fastjson.Value) ([]uint64, error) {
	if v == nil {
		return nil, errors.New("missing")
	}
	arr, err := v.Array()
	if err != nil {
		return nil, errors.New("not an array")
	}
	out := make([]uint64, len(arr))
	for i, x := range arr {
		if out[i], err = x.Uint64(); err != nil {
			return nil, fmt.Errorf("%s is not a natural number", x)
		}
	}
	return out, nil
}

// dtypeSize is the bytes per element of a safetensors dtype, 0 if unknown.
func dtypeSize(dtype string) int {
	switch dtype {
	case "BOOL", "U8", "I8":
		return 1
	case "I16", "U16", "F16", "BF16":
		return 2
	case "I32", "U32", "F32":
		return 4
	case "I64", "U64", "F64":
		return 8
	}
	return 0
}

// metadataKey is the header key that holds the file's metadata rather than
// a tensor.
const metadataKey = "__metadata__"
