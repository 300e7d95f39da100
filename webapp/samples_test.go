package webapp

import (
	"encoding/binary"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/mnist"
)

var updateSamples = flag.Bool("update-samples", false, "rewrite samples.bin from the MNIST test set")

// perDigit is how many samples of each digit the gallery holds.
const perDigit = 3

// TestSamplesFile checks that the gallery holds the first perDigit test
// images of each digit, exactly as MNIST has them.
func TestSamplesFile(t *testing.T) {
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	set, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	var want []byte
	for d := 0; d < 10; d++ {
		n := 0
		for i := 0; i < set.Len() && n < perDigit; i++ {
			if int(set.Labels[i]) == d {
				want = binary.BigEndian.AppendUint16(want, uint16(i))
				want = append(want, byte(d))
				want = append(want, set.Pixels[i*784:(i+1)*784]...)
				n++
			}
		}
	}
	if *updateSamples {
		require.NoError(t, os.WriteFile("samples.bin", want, 0o644))
		samplesBin = want
	}
	assert.Equal(t, want, samplesBin)
	s := Samples()
	require.Len(t, s, 10*perDigit)
	assert.Equal(t, 3, s[0].Index, "the first 0 in the test set is image 3")
	assert.Equal(t, set.Image(nil, s[0].Index), s[0].Pixels)
}
