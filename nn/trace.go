package nn

import "fmt"

// Trace runs a batch src (N images of InputShape) through the whole model
// step by step, as DenoiseBatch does, and returns what each layer wrote:
// outs[i] is layer i's output for the N images, compact and back to back,
// or nil for a convolution whose max pooling ran in the same pass (outs[i+1]
// is then the pooled map). It is for checking the engine layer by layer
// against the reference ([Model.CheckTrace]); it allocates.
func (w *Workspace) Trace(src []float32) ([][]float32, error) {
	m, in := w.m, w.m.InputShape()
	n := len(src) / in.Len()
	if len(src) == 0 || len(src) != n*in.Len() {
		return nil, fmt.Errorf("input has %d values, want a positive multiple of %d (%s per item)", len(src), in.Len(), in)
	}
	outs := make([][]float32, len(m.layers))
	for i := 0; i < n; i++ {
		cur := src[i*in.Len() : (i+1)*in.Len()]
		for j := range m.denoise {
			s := &m.denoise[j]
			out := make([]float32, m.maxLen)
			s.run(out, cur, w.pad, w.acc)
			outs[s.last()] = s.lo.appendCompact(outs[s.last()], out, s.out)
			cur = out
		}
	}
	return outs, nil
}
