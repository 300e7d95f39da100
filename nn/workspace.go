package nn

import "fmt"

// Workspace holds the scratch memory to run a [Model]. It is not safe for
// concurrent use: give each goroutine its own. Its Encode, Decode and
// Denoise methods (and their Batch forms) allocate nothing; Trace and
// ProfileLayers do.
type Workspace struct {
	m    *Model
	a, b []float32 // feature maps, alternately input and output of a layer
	pad  []float32 // zero-padded input of a 'same' convolution
	acc  []float32 // a convolution's accumulator
}

// NewWorkspace returns a Workspace for m.
func (m *Model) NewWorkspace() *Workspace {
	return &Workspace{m: m, a: make([]float32, m.maxLen), b: make([]float32, m.maxLen), pad: make([]float32, m.padLen), acc: make([]float32, m.accLen)}
}

// Encode writes the latent code of one image src (InputShape) to dst
// (LatentShape); given several images back to back, it is EncodeBatch.
func (w *Workspace) Encode(dst, src []float32) error {
	return w.EncodeBatch(dst, src)
}

// Decode writes the image decoded from one latent code src (LatentShape) to
// dst (InputShape); given several codes back to back, it is DecodeBatch.
func (w *Workspace) Decode(dst, src []float32) error {
	return w.DecodeBatch(dst, src)
}

// Denoise writes the model's reconstruction of one image src to dst; both
// have InputShape. dst and src may be the same slice. Given several images
// back to back, it is DenoiseBatch.
func (w *Workspace) Denoise(dst, src []float32) error {
	return w.DenoiseBatch(dst, src)
}

// EncodeBatch encodes a batch: src holds N images back to back, dst receives
// N latent codes.
func (w *Workspace) EncodeBatch(dst, src []float32) error {
	m := w.m
	return w.run(m.encode, dst, src, m.InputShape(), m.LatentShape())
}

// DecodeBatch decodes a batch of N latent codes into N images.
func (w *Workspace) DecodeBatch(dst, src []float32) error {
	m := w.m
	if err := m.needDecoder(); err != nil {
		return err
	}
	return w.run(m.decode, dst, src, m.LatentShape(), m.InputShape())
}

// DenoiseBatch runs N images through the encoder and the decoder.
func (w *Workspace) DenoiseBatch(dst, src []float32) error {
	m := w.m
	if err := m.needDecoder(); err != nil {
		return err
	}
	return w.run(m.denoise, dst, src, m.InputShape(), m.InputShape())
}

// needDecoder refuses to decode with an encoder alone.
func (m *Model) needDecoder() error {
	if !m.arch.IsAutoencoder() {
		return fmt.Errorf("the model is an encoder alone (its output is %s): it has no decoder to decode or denoise with", m.LatentShape())
	}
	return nil
}

func (w *Workspace) run(p []step, dst, src []float32, in, out Shape) error {
	n := len(src) / in.Len()
	if len(src) == 0 || len(src) != n*in.Len() {
		return fmt.Errorf("input has %d values, want a positive multiple of %d (%s per item)", len(src), in.Len(), in)
	}
	if len(dst) != n*out.Len() {
		return fmt.Errorf("output has %d values, want %d (%d × %s)", len(dst), n*out.Len(), n, out)
	}
	for i := 0; i < n; i++ {
		forward(p, dst[i*out.Len():(i+1)*out.Len()], src[i*in.Len():(i+1)*in.Len()], w.a, w.b, w.pad, w.acc)
	}
	return nil
}
