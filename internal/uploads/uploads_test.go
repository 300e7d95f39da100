package uploads

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// make test installs the fonts' packages: the Makefile's list is Packages().
func TestMakefileInstallsTheFonts(t *testing.T) {
	mk, err := os.ReadFile("../../Makefile")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^FONTS := (.*)$`).FindSubmatch(mk)
	require.NotNil(t, m, "the Makefile has a FONTS line")
	assert.Equal(t, Packages(), strings.Fields(string(m[1])))
}

// A set is the same every time, decodes, has each digit equally often and
// the variety it claims: both polarities, PNG and JPEG, small and large.
func TestSet(t *testing.T) {
	a, err := Set(40, 7, nil)
	require.NoError(t, err)
	b, err := Set(40, 7, nil)
	require.NoError(t, err)
	counts := map[int]int{}
	var light, jpeg, small, large bool
	for i, u := range a {
		assert.Equal(t, u.Data, b[i].Data, u.Name)
		img, format, err := image.Decode(bytes.NewReader(u.Data))
		require.NoError(t, err, u.Name)
		assert.Equal(t, image.Rect(0, 0, u.Case.Width, u.Case.Height), img.Bounds(), u.Name)
		counts[u.Digit]++
		light = light || u.Case.LightInk
		jpeg = jpeg || format == "jpeg"
		small = small || u.Case.Width < 100
		large = large || u.Case.Width > 700
	}
	for d := 0; d < 10; d++ {
		assert.Equal(t, 4, counts[d], "digit %d", d)
	}
	assert.True(t, light && jpeg && small && large, "light ink %v, JPEG %v, small %v, large %v", light, jpeg, small, large)
}

// Pictures of other glyphs are made as the uploads are, each glyph in
// turn, the same every time, with no digit, and named for what they show.
func TestEachOther(t *testing.T) {
	var a, b []Upload
	keep := func(into *[]Upload) func(Upload) error {
		return func(u Upload) error { *into = append(*into, u); return nil }
	}
	require.NoError(t, EachOther(6, 3, []string{"A", "&", "yes"}, keep(&a)))
	require.NoError(t, EachOther(6, 3, []string{"A", "&", "yes"}, keep(&b)))
	require.Len(t, a, 6)
	for i, u := range a {
		assert.Equal(t, b[i].Data, u.Data, u.Name)
		assert.Equal(t, -1, u.Digit, u.Name)
		glyph := []string{`"A"`, `"&"`, `"yes"`}[i%3]
		assert.True(t, strings.HasPrefix(u.Case.Source, glyph+" "), "%s: %s", u.Name, u.Case.Source)
		assert.Contains(t, u.Name, "-glyph-", u.Name)
		img, _, err := image.Decode(bytes.NewReader(u.Data))
		require.NoError(t, err, u.Name)
		assert.Equal(t, image.Rect(0, 0, u.Case.Width, u.Case.Height), img.Bounds(), u.Name)
	}
	assert.EqualError(t, EachOther(1, 1, nil, keep(&a)), "no glyphs to print")
}
