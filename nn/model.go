package nn

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// Tensor is a named parameter's value: Data holds the elements in row-major
// order of Shape (OIHW for conv weights).
type Tensor struct {
	Shape []int
	Data  []float32
}

// Model is an autoencoder, or an encoder alone such as a classifier (see
// [Arch]), ready to run. It is immutable and safe to share between
// goroutines; each goroutine runs it through its own [Workspace].
type Model struct {
	arch   Arch
	layers []layer
	shapes []Shape // shapes[i] is layer i's input, shapes[len(layers)] the output
	nEnc   int     // layers[:nEnc] are the encoder
	// The plans that run the encoder, the decoder and both (see plan).
	encode, decode, denoise []step
	maxLen                  int // elements of the largest feature map, padded, and slack
	padLen                  int // elements of the largest zero-padded input of a 'same' conv
	accLen                  int // elements of the largest conv accumulator
}

// layer is one step of the model with its input shape and parameters.
type layer struct {
	Layer
	in   Shape
	w, b []float32 // conv and dense only
}

// New builds a model from an architecture and its parameters. params must
// hold exactly the tensors [Arch.Params] lists, with those shapes and finite
// values; the model keeps references to the slices, which must not change
// afterwards.
func New(a Arch, params map[string]Tensor) (*Model, error) {
	shapes, err := a.Shapes()
	if err != nil {
		return nil, err
	}
	if err := checkParams(a.Params(), params); err != nil {
		return nil, err
	}
	m := &Model{arch: a, shapes: shapes, nEnc: len(a.Encoder)}
	specs := a.Params()
	for i, l := range a.layers() {
		ly := layer{Layer: l, in: shapes[i]}
		if l.hasParams() {
			ly.w, ly.b = params[specs[0].Name].Data, params[specs[1].Name].Data
			specs = specs[2:]
		}
		m.layers = append(m.layers, ly)
	}
	s := scratchFor(a.layers(), shapes)
	m.maxLen, m.padLen, m.accLen = s.maxLen, s.padLen, s.accLen
	m.encode, m.decode, m.denoise = m.plan(0, m.nEnc), m.plan(m.nEnc, len(m.layers)), m.plan(0, len(m.layers))
	return m, nil
}

// checkParams reports the first way params differs from specs.
func checkParams(specs []ParamSpec, params map[string]Tensor) error {
	want := map[string]bool{}
	for _, s := range specs {
		want[s.Name] = true
		t, ok := params[s.Name]
		if !ok {
			for _, name := range slices.Sorted(maps.Keys(params)) { // the same name named at every run
				if strings.HasSuffix(name, "."+s.Name) { // PyTorch's wrappers' state_dict: module.encoder.0.weight
					return fmt.Errorf("tensor %q is missing (shape %v expected); the file has %q: save the model's own tensors, without the prefix", s.Name, s.Shape, name)
				}
			}
			return fmt.Errorf("tensor %q is missing (shape %v expected)", s.Name, s.Shape)
		}
		if !equalInts(t.Shape, s.Shape) {
			return fmt.Errorf("tensor %q has shape %v, the architecture needs %v", s.Name, t.Shape, s.Shape)
		}
		if len(t.Data) != shapeLen(s.Shape) {
			return fmt.Errorf("tensor %q has %d values, shape %v needs %d", s.Name, len(t.Data), s.Shape, shapeLen(s.Shape))
		}
		for i, v := range t.Data {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fmt.Errorf("tensor %q has the non-finite value %v at index %d", s.Name, v, i)
			}
		}
	}
	var extra []string
	for name := range params {
		if !want[name] {
			extra = append(extra, fmt.Sprintf("%q", name))
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return fmt.Errorf("tensors %s are not part of the architecture", strings.Join(extra, ", "))
	}
	return nil
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Arch returns the model's architecture.
func (m *Model) Arch() Arch { return m.arch }

// InputShape is the shape of one input image (and of an autoencoder's
// output).
func (m *Model) InputShape() Shape { return m.arch.Input }

// LatentShape is the shape of one latent code: the encoder's output (for a
// classifier, one probability per class).
func (m *Model) LatentShape() Shape { return m.shapes[m.nEnc] }

// outShape is the shape of layer i's output.
func (m *Model) outShape(i int) Shape { return m.shapes[i+1] }

// forward runs one image through the steps of plan p. src holds the
// plan's input, dst receives its output; a and b are scratch buffers of
// maxLen, pad one of padLen and acc one of accLen.
func forward(p []step, dst, src []float32, a, b, pad, acc []float32) {
	cur := src
	for i := range p {
		out := a
		if i == len(p)-1 {
			out = dst
		}
		p[i].run(out, cur, pad, acc)
		cur = out
		a, b = b, a
	}
}

// readsPadded reports whether the layer is a 'same' convolution, which
// reads its input padded.
func (l *layer) readsPadded() bool { return l.Kind == KindConv && l.Padding == PaddingSame }
