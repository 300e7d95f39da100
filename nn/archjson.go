package nn

import (
	"fmt"
	"strconv"

	"github.com/valyala/fastjson"

	"github.com/godae/dae/internal/jsonstr"
)

// JSON encodes the Arch in the form [ParseArch] reads, as encoding/json
// would encode it (the tests hold it to that): written by hand, like
// ParseArch reads by hand, so that the browser app links no encoding/json.
func (a Arch) JSON() string {
	b := append([]byte(`{"input":[`), strconv.Itoa(a.Input.C)+","+strconv.Itoa(a.Input.H)+","+strconv.Itoa(a.Input.W)+`],"encoder":`...)
	b = appendLayers(b, a.Encoder)
	b = append(b, `,"decoder":`...)
	b = appendLayers(b, a.Decoder)
	return string(append(b, '}'))
}

// appendLayers writes layers as encoding/json writes a []Layer: null when
// nil, and each layer as appendLayer writes it.
func appendLayers(b []byte, layers []Layer) []byte {
	if layers == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, l := range layers {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendLayer(b, l)
	}
	return append(b, ']')
}

// appendLayer writes l as encoding/json writes a Layer: its fields in
// order, those with zero values left out.
func appendLayer(b []byte, l Layer) []byte {
	b = jsonstr.Append(append(b, `{"kind":`...), string(l.Kind))
	if l.Out != 0 {
		b = strconv.AppendInt(append(b, `,"out":`...), int64(l.Out), 10)
	}
	if l.Kernel != 0 {
		b = strconv.AppendInt(append(b, `,"kernel":`...), int64(l.Kernel), 10)
	}
	if l.Padding != "" {
		b = jsonstr.Append(append(b, `,"padding":`...), string(l.Padding))
	}
	if l.Activation != "" {
		b = jsonstr.Append(append(b, `,"activation":`...), string(l.Activation))
	}
	return append(b, '}')
}

// JSONByLayer is the JSON that JSON writes, laid out for a person to read
// and to copy: the input on the first line, and each layer on a line of
// its own (JSON's one line of the seed's model is 670 characters). ParseArch
// reads the same Arch from either.
func (a Arch) JSONByLayer() string {
	b := append([]byte(`{"input":[`), strconv.Itoa(a.Input.C)+","+strconv.Itoa(a.Input.H)+","+strconv.Itoa(a.Input.W)+"],\n"...)
	part := func(name string, layers []Layer) {
		b = jsonstr.Append(append(b, ' '), name)
		if layers == nil {
			b = append(b, ":null"...)
			return
		}
		b = append(b, ":["...)
		for i, l := range layers {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendLayer(append(b, "\n  "...), l)
		}
		b = append(b, ']')
	}
	part("encoder", a.Encoder)
	b = append(b, ",\n"...)
	part("decoder", a.Decoder)
	return string(append(b, '}'))
}

// ParseArch decodes an Arch from JSON and validates it. Unknown fields and
// repeated fields are errors, so that a typo is not silently ignored.
//
// It reads the JSON with fastjson rather than encoding/json: the weights
// loader runs in the browser app, and encoding/json with the reflection it
// brings would make its wasm larger (by how much: README, Dependencies). The tests hold it to
// encoding/json's reading of Arch (what Arch.JSON writes).
func ParseArch(data []byte) (Arch, error) {
	if err := jsonstr.Check(data); err != nil {
		return Arch{}, fmt.Errorf("architecture is not valid JSON: %w", err)
	}
	var p fastjson.Parser
	v, err := p.ParseBytes(data)
	if err != nil {
		return Arch{}, fmt.Errorf("architecture is not valid JSON: %s", jsonstr.Shorten(err.Error()))
	}
	a, err := archFrom(v)
	if err != nil {
		return Arch{}, fmt.Errorf("architecture is not valid JSON of the expected form: %w", err)
	}
	if _, err := a.Shapes(); err != nil {
		return Arch{}, err
	}
	return a, nil
}

// fields visits the members of a JSON object, refusing repeated names and
// stopping at the first error f returns.
func fields(v *fastjson.Value, what string, f func(name string, v *fastjson.Value) error) error {
	obj, err := v.Object()
	if err != nil {
		return fmt.Errorf("%s is not an object", what)
	}
	seen := map[string]bool{}
	obj.Visit(func(k []byte, v *fastjson.Value) {
		if err != nil {
			return
		}
		if seen[string(k)] {
			err = fmt.Errorf("%s has %q twice", what, k)
			return
		}
		seen[string(k)] = true
		err = f(string(k), v)
	})
	return err
}

func archFrom(v *fastjson.Value) (Arch, error) {
	var a Arch
	err := fields(v, "the architecture", func(name string, v *fastjson.Value) error {
		var err error
		switch name {
		case "input":
			a.Input, err = shapeFrom(v)
		case "encoder":
			a.Encoder, err = layersFrom(v, name)
		case "decoder":
			a.Decoder, err = layersFrom(v, name)
		default:
			err = fmt.Errorf("unknown field %q", name)
		}
		return err
	})
	return a, err
}

// shapeFrom reads [C, H, W].
func shapeFrom(v *fastjson.Value) (Shape, error) {
	arr, err := v.Array()
	if err != nil || len(arr) != 3 {
		return Shape{}, fmt.Errorf("shape is %s; it must be [C, H, W]", jsonstr.Shorten(v.String()))
	}
	var s [3]int
	for i, x := range arr {
		if s[i], err = x.Int(); err != nil {
			return Shape{}, fmt.Errorf("shape must be [C, H, W] of integers, not %s", x)
		}
	}
	return Shape{s[0], s[1], s[2]}, nil
}

func layersFrom(v *fastjson.Value, what string) ([]Layer, error) {
	if v.Type() == fastjson.TypeNull {
		return nil, nil
	}
	arr, err := v.Array()
	if err != nil {
		return nil, fmt.Errorf("%s is not an array of layers", what)
	}
	if len(arr) > MaxLayers {
		return nil, fmt.Errorf("%s has %d layers, more than %d", what, len(arr), MaxLayers)
	}
	layers := make([]Layer, len(arr))
	for i, x := range arr {
		l := &layers[i]
		err := fields(x, fmt.Sprintf("%s layer %d", what, i), func(name string, v *fastjson.Value) error {
			var err error
			switch name {
			case "kind":
				var s string
				s, err = stringFrom(v)
				l.Kind = Kind(s)
			case "padding":
				var s string
				s, err = stringFrom(v)
				l.Padding = Padding(s)
			case "activation":
				var s string
				s, err = stringFrom(v)
				l.Activation = Activation(s)
			case "out":
				l.Out, err = v.Int()
			case "kernel":
				l.Kernel, err = v.Int()
			default:
				return fmt.Errorf("%s layer %d: unknown field %q", what, i, name)
			}
			if err != nil {
				return fmt.Errorf("%s layer %d: %s: %w", what, i, name, err)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return layers, nil
}

func stringFrom(v *fastjson.Value) (string, error) {
	b, err := v.StringBytes()
	return string(b), err
}
