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

// noiseReads holds what the shipped reader makes of noisy digits (-update
// rewrites it): each run counts again the rows whose share is near the
// half that decides the verdict (35 to 65 %) and a few others, and finds
// each count within 1 % of the digits of the table's (another processor
// may round a near tie the other way), the digit the same where it is
// read half the time or more.
func TestNoiseReads(t *testing.T) {
	m := shippedModels(t)
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.LoadFirst(dir, mnist.Test, noiseReadsOf)
	require.NoError(t, err)
	if *update {
		var b strings.Builder
		for _, k := range NoiseKinds {
			fmt.Fprintf(&b, "\t%s: {", kindName(t, k.Kind))
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
	type row struct {
		kind string
		step int
	}
	rows := []row{{Gaussian, 0}, {Gaussian, 10}, {Gaussian, 20}, {SaltPepper, 20}, {Occlusion, 12}}
	for kind, steps := range noiseReads {
		for i, r := range steps {
			if 100*r.Count >= 35*noiseReadsOf && 100*r.Count <= 65*noiseReadsOf {
				rows = append(rows, row{kind, i})
			}
		}
	}
	require.GreaterOrEqual(t, len(rows), 7, "the rows near the half: %v", rows)
	for _, c := range rows {
		got, want := countNoiseReads(t, m, test, c.kind, c.step), noiseReads[c.kind][c.step]
		assert.InDelta(t, want.Count, got.Count, noiseReadsOf/100, "%s at step %d", c.kind, c.step)
		if 2*want.Count >= noiseReadsOf {
			assert.Equal(t, want.Digit, got.Digit, "%s at step %d", c.kind, c.step)
		}
	}
}

// kindName is the Go name of a noise kind's constant, for the table.
func kindName(t *testing.T, kind string) string {
	name, ok := map[string]string{Gaussian: "Gaussian", SaltPepper: "SaltPepper", Occlusion: "Occlusion"}[kind]
	require.True(t, ok, "a noise kind with no constant's name here: %q", kind)
	return name
}
