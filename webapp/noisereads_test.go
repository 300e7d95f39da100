package webapp

import (
	"flag"
	"fmt"
	"go/format"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/mnist"
)

var update = flag.Bool("update", false, "rewrite noisereads.go's table from the shipped reader")

// countNoiseReads is noiseReads' row for kind at amount step i: what the
// shipped reader makes of the first noiseReadsOf test digits under it.
func countNoiseReads(t *testing.T, m *Models, test *mnist.Set, kind string, i int) noiseRead {
	var counts [10]int
	for k := range noiseReadsOf {
		n := Noise{Kind: kind, Amount: float64(i*AmountStep) / 100, Seed: uint64(k + 1)}
		in, err := n.Apply(test.Image(nil, k))
		require.NoError(t, err)
		r, err := m.read(in)
		require.NoError(t, err)
		counts[r.Digit]++
	}
	best := 0
	for d, c := range counts {
		if c > counts[best] {
			best = d
		}
	}
	return noiseRead{best, counts[best]}
}

// noiseReads holds what the shipped reader makes of noisy digits, row by
// row for a few rows each run (all with -update, which rewrites it): the
// count within 1 % of the digits (another processor may round a near
// tie the other way), the digit the same where it is read half the
// time or more.
func TestNoiseReads(t *testing.T) {
	m := shippedModels(t)
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	if *update {
		var b strings.Builder
		for _, k := range NoiseKinds {
			fmt.Fprintf(&b, "\t%s: {", kindName(k.Kind))
			for i := range noiseReads[k.Kind] {
				r := countNoiseReads(t, m, test, k.Kind, i)
				fmt.Fprintf(&b, "{%d, %d}", r.Digit, r.Count)
				if i < len(noiseReads[k.Kind])-1 {
					b.WriteString(", ")
				}
			}
			b.WriteString("},\n")
		}
		src, err := os.ReadFile("noisereads.go")
		require.NoError(t, err)
		head, _, ok := strings.Cut(string(src), "]noiseRead{\n")
		require.True(t, ok)
		out, err := format.Source([]byte(head + "]noiseRead{\n" + b.String() + "}\n"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("noisereads.go", out, 0o644))
		return
	}
	require.Len(t, noiseReads, len(NoiseKinds), "run go test ./webapp -run TestNoiseReads -update")
	for _, c := range []struct {
		kind string
		step int
	}{{Gaussian, 0}, {Gaussian, 10}, {Gaussian, 20}, {SaltPepper, 6}, {SaltPepper, 20}, {Occlusion, 12}} {
		got, want := countNoiseReads(t, m, test, c.kind, c.step), noiseReads[c.kind][c.step]
		assert.InDelta(t, want.Count, got.Count, noiseReadsOf/100, "%s at step %d", c.kind, c.step)
		if 2*want.Count >= noiseReadsOf {
			assert.Equal(t, want.Digit, got.Digit, "%s at step %d", c.kind, c.step)
		}
	}
}

// kindName is the Go name of a noise kind's constant, for the table.
func kindName(kind string) string {
	switch kind {
	case Gaussian:
		return "Gaussian"
	case SaltPepper:
		return "SaltPepper"
	}
	return "Occlusion"
}
