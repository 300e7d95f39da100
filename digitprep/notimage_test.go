package digitprep

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Files people give for a picture that cannot be read are refused saying
// what they are and what to do; any other is refused as not an image.
func TestNotImageSaysWhatTheFileIs(t *testing.T) {
	for name, c := range map[string]struct {
		data, says string
	}{
		"svg":             {`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text>7</text></svg>`, "an SVG drawing"},
		"svg with header": {"\xef\xbb\xbf\n<?xml version=\"1.0\"?>\n<!-- a 7 -->\n<svg viewBox=\"0 0 10 10\"></svg>", "an SVG drawing"},
		"heic":            {"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC photo"},
		"pdf":             {"%PDF-1.7\n%âãÏÓ\n", "a PDF document"},
		"tiff":            {"II*\x00\x08\x00\x00\x00", "a TIFF image"},
	} {
		_, err := Decode([]byte(c.data))
		require.ErrorIs(t, err, ErrNotImage, name)
		assert.Contains(t, err.Error(), "(this file is "+c.says, name)
		assert.Equal(t, c.data[:4] == "<svg" || name == "svg with header", IsSVG([]byte(c.data)), name)
	}
	for _, data := range []string{"these are not pixels", "<?xml version=\"1.0\"?><note>7</note>", "\x00\x00\x00\x18ftypavif"} {
		_, err := Decode([]byte(data))
		assert.Equal(t, ErrNotImage, err, "%q: nothing more to say", data)
	}
}
