//go:build gotch

package main

import (
	"math"
	"sort"

	"github.com/sugarme/gotch/ts"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/train/torchnet"
)

// Adam's constants (PyTorch's defaults).
const (
	beta1, beta2 = 0.9, 0.999
	adamEps      = 1e-8
)

// adam is the Adam optimizer run in Go on a copy of the parameters. The
// model is small (4,385 numbers), so copying gradients out and parameters
// back each step costs little, and the optimizer's whole state (moments and
// step count) is ours to checkpoint: gotch v0.7.0 cannot save or restore
// libtorch's optimizer state. The update is PyTorch's Adam (not AdamW).
type adam struct {
	names  []string              // parameter names, sorted
	vars   map[string]*ts.Tensor // the libtorch variables
	params map[string]nn.Tensor  // Go copies of their values
	m, v   map[string][]float32  // first and second moments
	shapes map[string][]int64    // for copying back
	step   int                   // updates made
	grad   map[string][]float32  // scratch for gradients
}

// newAdam starts Adam on the variables of a model with values params.
func newAdam(vars map[string]*ts.Tensor, params map[string]nn.Tensor) *adam {
	a := &adam{vars: vars, params: params, m: map[string][]float32{}, v: map[string][]float32{},
		shapes: map[string][]int64{}, grad: map[string][]float32{}}
	for name, p := range params {
		a.names = append(a.names, name)
		a.m[name] = make([]float32, len(p.Data))
		a.v[name] = make([]float32, len(p.Data))
		a.grad[name] = make([]float32, len(p.Data))
		for _, d := range p.Shape {
			a.shapes[name] = append(a.shapes[name], int64(d))
		}
	}
	sort.Strings(a.names)
	return a
}

// update applies one Adam step with learning rate lr from the gradients the
// last backward pass left, writes the new values into the variables and
// zeroes the gradients.
func (a *adam) update(lr float64) {
	a.step++
	bc1 := 1 - math.Pow(beta1, float64(a.step))
	bc2 := 1 - math.Pow(beta2, float64(a.step))
	stepSize := float32(lr / bc1)
	sqrtBC2 := float32(math.Sqrt(bc2))
	for _, name := range a.names {
		v := a.vars[name]
		g := v.MustGrad(false)
		grad := a.grad[name]
		g.MustCopyData(grad, uint(len(grad)))
		p, m, s := a.params[name].Data, a.m[name], a.v[name]
		for i, gi := range grad {
			m[i] = beta1*m[i] + (1-beta1)*gi
			s[i] = beta2*s[i] + (1-beta2)*gi*gi
			p[i] -= stepSize * m[i] / (float32(math.Sqrt(float64(s[i])))/sqrtBC2 + adamEps)
		}
		torchnet.NoGrad(func() {
			g.Zero_()
			src := ts.MustOfSlice(p).MustView(a.shapes[name], true)
			v.Copy_(src)
			src.MustDrop()
		})
		g.MustDrop()
	}
}
