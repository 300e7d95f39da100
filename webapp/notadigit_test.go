package webapp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/weights"
)

// notADigit begins what the page says of an upload that the reader scores
// under faint before and after denoising.
const notADigit = "this does not look much like any digit to the reader"

// shippedModels are the page's own models.
func shippedModels(t *testing.T) *Models {
	m, err := NewModels(shippedBundle(t))
	require.NoError(t, err)
	return m
}

// shippedBundle is the page's own weights.
func shippedBundle(t *testing.T) Bundle {
	read := func(name string) *weights.File {
		f, err := weights.Read("../weights/" + name + ".safetensors")
		require.NoError(t, err)
		return f
	}
	return Bundle{DAE: read("dae").Model, AE: read("ae").Model, Strong: read("strong").Model, Reader: read("classifier").Model}
}

// verdictOf is what the page says of an upload, denoised by the strong
// model, or "" where preparation finds no digit in it.
func verdictOf(t *testing.T, m *Models, u uploads.Upload) string {
	img, err := digitprep.Decode(u.Data)
	require.NoError(t, err, u.Name)
	in, _, err := digitprep.Prepare(img)
	if err != nil {
		return ""
	}
	res, err := m.Run(Strong, in, nil)
	require.NoError(t, err, u.Name)
	return res.Verdict()
}

// A picture of a letter, a symbol or a word is read as some digit, often
// surely; the page says of many of them that it does not look much like
// a digit (reader.Faint). Of generated pictures of letters and symbols
// that look like no digit (not O, S, Z, B, I, l, g, q, b), printed as the
// generated uploads are, it says so of a third (30 of 90; the page's
// only word on them before was that the reader was unsure, of 2). Of
// real digits it says so seldom: TestUploadsArePreparedAsMNIST, in
// digitprep, counts the tests' 250 uploads.
func TestNotADigit(t *testing.T) {
	m := shippedModels(t)
	others := []string{"A", "C", "E", "F", "H", "K", "M", "N", "P", "R", "T", "U", "V", "W", "X", "Y",
		"a", "c", "d", "e", "f", "h", "k", "m", "n", "p", "r", "t", "u", "v", "w", "x", "y",
		"+", "=", "?", "#", "%", "&", "@", "*", "<", ">", "cat", "yes"}
	flagged, unsure, n := 0, 0, 0
	require.NoError(t, uploads.EachOther(90, 1, others, func(u uploads.Upload) error {
		v := verdictOf(t, m, u)
		if v == "" {
			return nil // no digit found: said so already
		}
		n++
		switch {
		case strings.HasPrefix(v, notADigit):
			flagged++
		case strings.HasPrefix(v, "the reader is unsure what this is"):
			unsure++
		default:
			t.Logf("%s: %q", u.Case.Source, v)
		}
		return nil
	}))
	t.Logf("of %d pictures of letters and symbols, %d said not to look like a digit, %d unsure", n, flagged, unsure)
	assert.GreaterOrEqual(t, n, 80, "preparation finds ink in most")
	assert.GreaterOrEqual(t, float64(flagged), 0.25*float64(n))
}
