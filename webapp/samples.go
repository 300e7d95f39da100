package webapp

import (
	_ "embed"
	"encoding/binary"
	"sync"
)

// samplesBin holds the gallery: for each sample a big-endian uint16 index
// into the MNIST test set, the label, and 784 grey levels. It is written by
// TestSamplesFile with -update-samples.
//
//go:embed samples.bin
var samplesBin []byte

const sampleSize = 2 + 1 + Side*Side

// Sample is a gallery digit: a clean MNIST test image.
type Sample struct {
	Index  int // in the MNIST test set
	Label  int
	Pixels []float32
}

// Samples returns the gallery digits, decoded once: the slices are shared,
// read them only.
func Samples() []Sample { return samples() }

var samples = sync.OnceValue(func() []Sample {
	var out []Sample
	for b := samplesBin; len(b) >= sampleSize; b = b[sampleSize:] {
		s := Sample{Index: int(binary.BigEndian.Uint16(b)), Label: int(b[2]), Pixels: make([]float32, Side*Side)}
		for i, p := range b[3:sampleSize] {
			s.Pixels[i] = float32(p) / 255
		}
		out = append(out, s)
	}
	return out
})
