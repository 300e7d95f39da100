//go:build gotch

// Package torchnet builds an [nn.Arch] as a libtorch module through gotch,
// for training and as the oracle the pure-Go engine is tested against.
//
// Variables are named as [nn.Arch.Params] names them, so a VarStore's
// variables map one to one onto a weights file.
//
// It builds only with the build tag "gotch" and the patched gotch (see
// train/gotchpatch and `make gotch`).
package torchnet

import (
	"fmt"
	"strconv"

	"github.com/sugarme/gotch"
	"github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	dnn "github.com/godae/dae/nn"
)

// Net is an autoencoder, or an encoder alone such as the digit reader,
// built from an architecture, with its parameters in a VarStore.
type Net struct {
	Arch    dnn.Arch
	encoder []step
	decoder []step
}

type step struct {
	dnn.Layer
	in     dnn.Shape
	conv   *nn.Conv2D
	linear *nn.Linear
}

// New adds the parameters of arch to vs (PyTorch's default initialisation)
// and returns the module.
func New(vs *nn.VarStore, arch dnn.Arch) (*Net, error) {
	shapes, err := arch.Shapes()
	if err != nil {
		return nil, err
	}
	n := &Net{Arch: arch}
	build := func(part string, layers []dnn.Layer, shapes []dnn.Shape) []step {
		var steps []step
		idx := 0 // index in the equivalent nn.Sequential
		for i, l := range layers {
			s := step{Layer: l, in: shapes[i]}
			idx++
			path := vs.Root().Sub(part).Sub(strconv.Itoa(idx - 1))
			switch l.Kind {
			case dnn.KindConv:
				pad := int64(1)
				if l.Padding == dnn.PaddingValid {
					pad = 0
				}
				s.conv = nn.NewConv2D(path, int64(shapes[i].C), int64(l.Out), 3, nn.NewConv2DConfig(nn.WithPadding2D(pad)))
			case dnn.KindDense:
				s.linear = nn.NewLinear(path, int64(shapes[i].C), int64(l.Out), nn.DefaultLinearConfig())
			}
			if (l.Kind == dnn.KindConv || l.Kind == dnn.KindDense) && l.Activation != dnn.ActNone {
				idx++
			}
			steps = append(steps, s)
		}
		return steps
	}
	n.encoder = build("encoder", arch.Encoder, shapes)
	n.decoder = build("decoder", arch.Decoder, shapes[len(arch.Encoder):])
	return n, nil
}

// Logits runs an encoder alone whose last layer is a dense softmax without
// that softmax: the scores a cross-entropy loss takes. The input is kept.
func (n *Net) Logits(x *ts.Tensor) *ts.Tensor {
	last := n.encoder[len(n.encoder)-1]
	if last.Kind != dnn.KindDense || last.Activation != dnn.ActSoftmax {
		panic("torchnet: Logits of a network that does not end in a softmax")
	}
	steps := append(n.encoder[:len(n.encoder)-1:len(n.encoder)-1], last)
	steps[len(steps)-1].Activation = dnn.ActNone
	return run(steps, x, nil)
}

// Encode maps a batch (N,C,H,W) to its latent codes. The input is kept.
func (n *Net) Encode(x *ts.Tensor) *ts.Tensor { return run(n.encoder, x, nil) }

// Decode maps a batch of latent codes to images. The input is kept.
func (n *Net) Decode(z *ts.Tensor) *ts.Tensor { return run(n.decoder, z, nil) }

// Trace runs a batch through the model layer by layer and returns every
// layer's output, the N maps back to back, in the form nn.Model.CheckTrace
// reads: it is how libtorch is checked against the model's definition.
func (n *Net) Trace(x *ts.Tensor) [][]float32 {
	var outs [][]float32
	keep := func(t *ts.Tensor) {
		v := make([]float32, t.Numel())
		t.MustCopyData(v, t.Numel())
		outs = append(outs, v)
	}
	z := run(n.encoder, x, keep)
	if len(n.decoder) > 0 {
		run(n.decoder, z, keep).MustDrop()
	}
	z.MustDrop()
	return outs
}

// Forward is Decode(Encode(x)), or Encode(x) for an encoder alone. The
// input is kept.
func (n *Net) Forward(x *ts.Tensor) *ts.Tensor {
	if len(n.decoder) == 0 {
		return n.Encode(x)
	}
	z := n.Encode(x)
	out := n.Decode(z)
	z.MustDrop()
	return out
}

// run applies steps to x, freeing every intermediate tensor (gotch does not
// free them for us) but not x itself. keep, if not nil, sees each step's
// output.
func run(steps []step, x *ts.Tensor, keep func(*ts.Tensor)) *ts.Tensor {
	cur := x
	for _, s := range steps {
		var next *ts.Tensor
		switch s.Kind {
		case dnn.KindConv, dnn.KindDense:
			if s.conv != nil {
				next = s.conv.Forward(cur)
			} else {
				next = s.linear.Forward(cur)
			}
			switch s.Activation {
			case dnn.ActReLU:
				next = next.MustRelu(true)
			case dnn.ActSigmoid:
				next = next.MustSigmoid(true)
			case dnn.ActSoftmax:
				next = next.MustSoftmax(1, gotch.Float, true)
			}
		case dnn.KindFlatten:
			next = cur.MustFlatten(1, -1, false)
		case dnn.KindMaxPool:
			next = cur.MustMaxPool2d([]int64{2, 2}, []int64{2, 2}, []int64{0, 0}, []int64{1, 1}, true, false)
		case dnn.KindUpsample:
			next = cur.MustUpsampleNearest2d([]int64{int64(2 * s.in.H), int64(2 * s.in.W)}, nil, nil, false)
		default:
			panic(fmt.Sprintf("torchnet: layer kind %q", s.Kind)) // Arch.Shapes rejects it first
		}
		if keep != nil {
			keep(next)
		}
		if cur != x {
			cur.MustDrop()
		}
		cur = next
	}
	return cur
}
