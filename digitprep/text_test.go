package digitprep

import (
	"errors"
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

// paragraph is a screenshot of w×h with lines of text and no digit: lines
// of the given size in pixels, lineGap pixels from one to the next, each
// chars characters long, dark on white.
func paragraph(t *testing.T, f *opentype.Font, w, h int, size float64, lineGap, lines, chars int) *image.Gray {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	require.NoError(t, err)
	defer face.Close()
	img := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.Black, Face: face}
	const text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
	for i := range lines {
		d.Dot = fixed.P(60, 80+i*lineGap)
		d.DrawString(text[:min(chars, len(text))])
	}
	return img
}

// A screenshot of a paragraph holds no digit: its lines, too fine to
// tell apart once framed, make a solid block, which was taken for the
// digit: wide, read as a 0 at 94 %; tall (a column of text), thinned into
// a perfect 1 by stroke width normalisation. A block of few lines is
// wider than any digit: a line. (A column 2.5 times as high as wide or
// more, or whose lines stay apart once framed, still passes for a 1.)
func TestParagraphOfTextIsNoDigit(t *testing.T) {
	data, err := os.ReadFile(uploads.Fonts[0].Path)
	require.NoError(t, err, "make fonts installs %s", uploads.Fonts[0].Package)
	f, err := opentype.Parse(data)
	require.NoError(t, err)
	for _, c := range []struct {
		w, h, size, gap, lines, chars int
		want                          error
	}{
		{1280, 800, 22, 36, 18, 80, ErrDot},
		{1280, 800, 16, 24, 25, 80, ErrDot},
		{1280, 800, 22, 30, 12, 80, ErrDot},
		{1280, 800, 28, 40, 6, 80, ErrLine},
		{900, 1600, 20, 30, 42, 70, ErrDot}, // a phone's screenshot
	} {
		t.Run(fmt.Sprintf("%d×%d, %d px, %d lines of %d", c.w, c.h, c.size, c.lines, c.chars), func(t *testing.T) {
			in, info, err := Prepare(paragraph(t, f, c.w, c.h, float64(c.size), c.gap, c.lines, c.chars))
			assert.True(t, errors.Is(err, c.want), "%v, found at %v", err, info.Bounds)
			assert.Nil(t, in)
		})
	}
}
