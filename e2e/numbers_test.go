package e2e

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// number is a number as the page prints it: digits, maybe a fraction,
// and the unit of a measure (dB or %) if it is one.
var number = regexp.MustCompile(`\d+(\.\d+)?( dB| %)?`)

// numbersMatch says how got, a text of numbers the page computed in wasm
// (the plot's alt text, its table), differs from want, the same text
// computed natively: nil when the words are the same, each measure (a
// number in dB or %) is within one unit of want's last printed digit, and
// every other number (a digit, an amount) is want's. Go fuses
// multiply-adds on some processors (arm64) and not in wasm, so a measure
// on a rounding boundary may print either way; a PSNR at the plot's cap
// may print as "40 dB or more" one way and "40.0 dB" the other.
func numbersMatch(want, got string) error {
	capped := func(s string) string { return strings.ReplaceAll(s, " dB or more", ".0 dB") }
	want, got = capped(want), capped(got)
	if w, g := number.ReplaceAllString(want, "#"), number.ReplaceAllString(got, "#"); w != g {
		return fmt.Errorf("the words differ:\nwant %q\n got %q", want, got)
	}
	ws, gs := number.FindAllStringSubmatch(want, -1), number.FindAllStringSubmatch(got, -1)
	for i, w := range ws {
		g := gs[i]
		if w[2] != g[2] || w[2] == "" && w[0] != g[0] {
			return fmt.Errorf("number %d is %q, not %q:\nwant %q\n got %q", i+1, g[0], w[0], want, got)
		}
		digits := strings.TrimSuffix(w[0], w[2])
		unit := 1.0
		if dot := strings.IndexByte(digits, '.'); dot >= 0 {
			unit = math.Pow(10, -float64(len(digits)-dot-1))
		}
		wv, _ := strconv.ParseFloat(digits, 64)
		gv, _ := strconv.ParseFloat(strings.TrimSuffix(g[0], g[2]), 64)
		if math.Abs(wv-gv) > 1.001*unit {
			return fmt.Errorf("measure %d is %s, not %s within %g:\nwant %q\n got %q", i+1, g[0], w[0], unit, want, got)
		}
	}
	return nil
}

// sameNumbers checks got against want as numbersMatch does.
func sameNumbers(t *testing.T, what, want, got string) {
	t.Helper()
	assert.NoError(t, numbersMatch(want, got), what)
}

func TestNumbersMatch(t *testing.T) {
	const want = "a 7 at 0.5: the median 19.7 dB, 41 %; the seed 40 dB or more, 100 %"
	for _, got := range []string{
		want,
		"a 7 at 0.5: the median 19.8 dB, 40 %; the seed 40.0 dB, 100 %",
		"a 7 at 0.5: the median 19.6 dB, 42 %; the seed 40 dB or more, 99 %",
	} {
		assert.NoError(t, numbersMatch(want, got), got)
	}
	for _, got := range []string{
		"a 7 at 0.5: the median 19.9 dB, 41 %; the seed 40 dB or more, 100 %",
		"a 7 at 0.5: the median 19.7 dB, 43 %; the seed 40 dB or more, 100 %",
		"a 7 at 0.6: the median 19.7 dB, 41 %; the seed 40 dB or more, 100 %",
		"a 6 at 0.5: the median 19.7 dB, 41 %; the seed 40 dB or more, 100 %",
		"a 7 at 0.5: the mean 19.7 dB, 41 %; the seed 40 dB or more, 100 %",
		"a 7 at 0.5: the median 19.7 dB, 41 %; the seed 38.5 dB, 100 %",
		"a 7 at 0.5: the median 19.7 %, 41 %; the seed 40 dB or more, 100 %",
		"a 7 at 0.5: the median 19.7 dB, 41 %",
	} {
		assert.Error(t, numbersMatch(want, got), got)
	}
}
