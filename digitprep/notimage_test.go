package digitprep

import (
	"encoding/binary"
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
		"text":            {"these are not pixels", "text, not a picture"},
		"xml":             {"<?xml version=\"1.0\"?><note>7</note>", "text, not a picture"},
	} {
		_, err := Decode([]byte(c.data))
		require.ErrorIs(t, err, ErrNotImage, name)
		assert.Contains(t, err.Error(), "(this file is "+c.says, name)
		assert.Equal(t, c.data[:4] == "<svg" || name == "svg with header", IsSVG([]byte(c.data)), name)
	}
	for _, data := range []string{"\x00\x00\x00\x18ftypavif", "\x01\x02binary"} {
		_, err := Decode([]byte(data))
		assert.Equal(t, ErrNotImage, err, "%q: nothing more to say", data)
	}
}

// The size a PNG, GIF or JPEG header declares is checked from its bytes,
// before any decoder sees it.
func TestCheckHeader(t *testing.T) {
	png := func(w, h uint32) []byte {
		b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
		b = binary.BigEndian.AppendUint32(b, w)
		return append(binary.BigEndian.AppendUint32(b, h), 8, 0, 0, 0, 0)
	}
	for name, c := range map[string]struct {
		data []byte
		says string
	}{
		"no pixels":      {png(0, 0), "the image is 0×0 pixels: it has no pixels"},
		"huge":           {png(100000, 100000), "the image is 100000×100000 pixels (10000 megapixels); the limit is 40 megapixels: scale it down, or crop it"},
		"gif":            {[]byte("GIF89a\x10\x27\x10\x27\x00"), "the image is 10000×10000 pixels (100 megapixels)"},
		"fine png":       {png(640, 480), ""},
		"other data":     {[]byte("these are not pixels"), ""},
		"cut png header": {png(640, 480)[:20], ""},
	} {
		err := CheckHeader(c.data)
		if c.says == "" {
			assert.NoError(t, err, name)
		} else {
			assert.ErrorContains(t, err, c.says, name)
			// Decode says the same of such a file (it said it was no
			// image, Go's decoder refusing the header).
			_, err = Decode(c.data)
			assert.ErrorContains(t, err, c.says, "Decode, %s", name)
		}
	}
	_, err := Decode(png(4294967295, 1))
	assert.ErrorContains(t, err, "the image is 4294967295×1 pixels")
}
