package webapp

import (
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/mnist"
	"github.com/godae/dae/reader"
)

var update = flag.Bool("update", false, "rewrite noisereads.go's table from the shipped reader")

// countNoiseReads is noiseReads' row for kind at amount step i: what the
// shipped reader makes of the first noiseReadsOf test digits under it;
// and ties, how many of them it reads by a margin another processor's
// rounding could turn (nearTie).
func countNoiseReads(t *testing.T, m *Models, test *mnist.Set, kind string, i int) (r noiseRead, ties int) {
	var counts [10]int
	var sums [reader.Digits]float32
	for k := range noiseReadsOf {
		n := Noise{Kind: kind, Amount: float64(i*AmountStep) / 100, Seed: uint64(k + 1)}
		in, err := n.Apply(test.Image(nil, k))
		require.NoError(t, err)
		require.NoError(t, m.rdWS.Encode(sums[:], in))
		top, second := 0, 1
		if sums[1] > sums[0] {
			top, second = 1, 0
		}
		for d := 2; d < len(sums); d++ {
			switch {
			case sums[d] > sums[top]:
				top, second = d, top
			case sums[d] > sums[second]:
				second = d
			}
		}
		counts[top]++
		if nearTie(sums[top], sums[second]) {
			ties++
		}
	}
	best := 0
	for d, c := range counts {
		if c > counts[best] {
			best = d
		}
	}
	return noiseRead{best, counts[best]}, ties
}

// nearTie says whether the reader's two highest sums are close enough for
// another processor to read them the other way: each is a float32 sum of
// about a thousand products (the dense layer's), which another order of
// adding, or a fused multiply-add, moves by some 10⁻⁴ of its size; 10⁻³
// leaves a margin.
func nearTie(top, second float32) bool {
	return float64(top-second) < 1e-3*(1+math.Abs(float64(top)))
}

// noiseReads holds what the shipped reader makes of noisy digits (-update
// rewrites it): each run counts again the rows whose share is near the
// half that decides the verdict (35 to 65 %) and a few others, and finds
// each count the table's, give or take the digits read by a near tie
// (nearTie: another processor may round them the other way), and the
// digit the same where it is read half the time or more even without
// them.
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
				r, _ := countNoiseReads(t, m, test, k.Kind, i)
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
		got, ties := countNoiseReads(t, m, test, c.kind, c.step)
		want := noiseReads[c.kind][c.step]
		assert.InDelta(t, want.Count, got.Count, float64(ties), "%s at step %d: the count, within the near ties", c.kind, c.step)
		if 2*(want.Count-ties) > noiseReadsOf {
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
