package nn

import (
	"fmt"
	"time"
)

// LayerTime is the mean time one layer of a model took on one image.
type LayerTime struct {
	Layer string        `json:"layer"`
	Time  time.Duration `json:"ns"`
}

// ProfileLayers runs one image src (InputShape) through the model's steps
// (see plan: a layer, or a convolution with the pooling it runs), each
// step reps times on the previous step's output, and reports the mean time
// per step. It is for where pprof cannot go, such as a browser: the
// benchmark page calls it to show where the time goes in wasm. Each step
// sees one input over and over, so the processor learns its branches: max
// pooling, whose comparisons are data-dependent, costs more in a stream of
// different images than this says, and the steps add up to less than a
// whole image takes.
func (w *Workspace) ProfileLayers(src []float32, reps int) ([]LayerTime, error) {
	m := w.m
	if len(src) != m.InputShape().Len() {
		return nil, fmt.Errorf("input has %d values, want %d (%s)", len(src), m.InputShape().Len(), m.InputShape())
	}
	if reps < 1 {
		return nil, fmt.Errorf("reps is %d, want at least 1", reps)
	}
	var times []LayerTime
	in := src
	for i := range m.denoise {
		s := &m.denoise[i]
		out := make([]float32, m.maxLen)
		start := time.Now()
		for range reps {
			s.run(out, in, w.pad, w.acc)
		}
		times = append(times, LayerTime{Layer: s.String(), Time: time.Since(start) / time.Duration(reps)})
		in = out
	}
	return times, nil
}
