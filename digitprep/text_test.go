package digitprep

import (
	"fmt"
	"image"
	"image/draw"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/godae/dae/internal/uploads"
)

// paragraph is a screenshot of 1280×800 with lines of text and no digit:
// lines of the given size in pixels, lineGap pixels from one to the next,
// dark on white.
func paragraph(t *testing.T, f *opentype.Font, size float64, lineGap, lines int) *image.Gray {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	require.NoError(t, err)
	defer face.Close()
	img := image.NewGray(image.Rect(0, 0, 1280, 800))
	draw.Draw(img, img.Rect, image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.Black, Face: face}
	for i := range lines {
		d.Dot = fixed.P(60, 80+i*lineGap)
		d.DrawString("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.")
	}
	return img
}

// A screenshot of a paragraph holds no digit: its lines, too fine to
// tell apart once the picture is brought to the work size, make a solid
// block, which was taken for the digit and read as a 0 at 94 %.
func TestParagraphOfTextIsNoDigit(t *testing.T) {
	data, err := os.ReadFile(uploads.Fonts[0].Path)
	require.NoError(t, err, "make fonts installs %s", uploads.Fonts[0].Package)
	f, err := opentype.Parse(data)
	require.NoError(t, err)
	for _, c := range []struct{ size, gap, lines int }{{22, 36, 18}, {16, 24, 25}, {22, 30, 12}, {28, 40, 6}} {
		t.Run(fmt.Sprintf("%d px, %d lines", c.size, c.lines), func(t *testing.T) {
			in, info, err := Prepare(paragraph(t, f, float64(c.size), c.gap, c.lines))
			assert.True(t, NoDigit(err), "prepared as a digit (%v), found at %v", err, info.Bounds)
			assert.Nil(t, in)
		})
	}
}
