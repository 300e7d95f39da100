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

// number is a number as the page prints it: digits, maybe a fraction.
var number = regexp.MustCompile(`\d+(\.\d+)?`)

// numbersMatch says how got, a text of numbers the page computed in wasm
// (the plot's alt text, its table), differs from want, the same text
// computed natively: nil when the words are the same and each number is
// within one unit of want's last printed digit. Go fuses multiply-adds on
// some processors (arm64) and not in wasm, so a value on a rounding
// boundary may print either way; a PSNR at the plot's cap may print as
// "30 dB or more" one way and "30.0 dB" the other.
func numbersMatch(want, got string) error {
	capped := func(s string) string { return strings.ReplaceAll(s, " dB or more", ".0 dB") }
	want, got = capped(want), capped(got)
	if w, g := number.ReplaceAllString(want, "#"), number.ReplaceAllString(got, "#"); w != g {
		return fmt.Errorf("the words differ:\nwant %q\n got %q", want, got)
	}
	ws, gs := number.FindAllString(want, -1), number.FindAllString(got, -1)
	for i, w := range ws {
		unit := 1.0
		if dot := strings.IndexByte(w, '.'); dot >= 0 {
			unit = math.Pow(10, -float64(len(w)-dot-1))
		}
		wv, _ := strconv.ParseFloat(w, 64)
		gv, _ := strconv.ParseFloat(gs[i], 64)
		if math.Abs(wv-gv) > 1.001*unit {
			return fmt.Errorf("number %d is %s, not %s within %g:\nwant %q\n got %q", i+1, gs[i], w, unit, want, got)
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
	const want = "at 0.5: the median 19.7 dB, 41 %; the seed 30 dB or more, 100 %"
	for _, got := range []string{
		want,
		"at 0.5: the median 19.8 dB, 40 %; the seed 30.0 dB, 100 %",
		"at 0.5: the median 19.6 dB, 42 %; the seed 30 dB or more, 99 %",
	} {
		assert.NoError(t, numbersMatch(want, got), got)
	}
	for _, got := range []string{
		"at 0.5: the median 19.9 dB, 41 %; the seed 30 dB or more, 100 %",
		"at 0.5: the median 19.7 dB, 43 %; the seed 30 dB or more, 100 %",
		"at 0.7: the median 19.7 dB, 41 %; the seed 30 dB or more, 100 %",
		"at 0.5: the mean 19.7 dB, 41 %; the seed 30 dB or more, 100 %",
		"at 0.5: the median 19.7 dB, 41 %; the seed 28.5 dB, 100 %",
		"at 0.5: the median 19.7 dB, 41 %",
	} {
		assert.Error(t, numbersMatch(want, got), got)
	}
}
