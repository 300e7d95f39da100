//go:build gotch

package torchnet

import (
	"fmt"

	"github.com/sugarme/gotch"
	"github.com/sugarme/gotch/nn"
	"github.com/sugarme/gotch/ts"

	dnn "github.com/godae/dae/nn"
)

// Params copies the architecture's parameters out of vs, as the pure-Go
// engine and the weights package take them.
func Params(vs *nn.VarStore, arch dnn.Arch) (map[string]dnn.Tensor, error) {
	vars := vs.Variables()
	out := map[string]dnn.Tensor{}
	for _, spec := range arch.Params() {
		t, ok := vars[spec.Name]
		if !ok {
			return nil, fmt.Errorf("variable %q is not in the VarStore", spec.Name)
		}
		f := t.MustTotype(gotch.Float, false)
		vals := make([]float32, f.Numel())
		f.MustCopyData(vals, f.Numel())
		f.MustDrop()
		out[spec.Name] = dnn.Tensor{Shape: spec.Shape, Data: vals}
	}
	return out, nil
}

// SetParams copies params into the VarStore's variables of the same names.
func SetParams(vs *nn.VarStore, params map[string]dnn.Tensor) error {
	vars := vs.Variables()
	for name, p := range params {
		v, ok := vars[name]
		if !ok {
			return fmt.Errorf("tensor %q has no variable in the VarStore", name)
		}
		shape := make([]int64, len(p.Shape))
		for i, d := range p.Shape {
			shape[i] = int64(d)
		}
		src := ts.MustOfSlice(p.Data).MustView(shape, true)
		NoGrad(func() { v.Copy_(src) })
		src.MustDrop()
	}
	return nil
}
