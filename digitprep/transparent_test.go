package digitprep

import (
	"image"
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"
)

// onClear renders an MNIST digit as a drawing app exports one: ink of
// colour ink, its coverage in the alpha, on a transparent canvas.
func onClear(digit []float32, k int, ink color.NRGBA) *image.NRGBA {
	small := image.NewNRGBA(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[4*i], small.Pix[4*i+1], small.Pix[4*i+2], small.Pix[4*i+3] = ink.R, ink.G, ink.B, uint8(v*255)
	}
	canvas := image.NewNRGBA(image.Rect(0, 0, 28*k+50, 28*k+30))
	xdraw.BiLinear.Scale(canvas, image.Rect(30, 10, 30+28*k, 10+28*k), small, small.Bounds(), xdraw.Over, nil)
	return canvas
}

// A digit on a transparent picture is its opaque pixels, whatever their
// colour: dark ink is composited over white, light ink over black (over
// white it vanished: "no digit found"). A picture that is opaque but for
// a margin is composited over white, as before: its opaque part is the
// paper, not the ink.
func TestTransparentPictures(t *testing.T) {
	read := digitReader(t)
	for _, i := range []int{0, 1} {
		digit := testDigit(t, i)
		want := read(digit)
		for _, ink := range []color.NRGBA{{0, 0, 0, 255}, {255, 255, 255, 255}, {30, 40, 140, 255}, {250, 220, 40, 255}} {
			img := onClear(digit, 10, ink)
			in, _, err := Prepare(img)
			require.NoError(t, err, "digit %d in %v", i, ink)
			assert.Equal(t, want, read(in), "digit %d in %v", i, ink)
		}
	}

	paper := photo(testDigit(t, 0), 8)
	b := paper.Bounds()
	margin := image.NewNRGBA(image.Rect(0, 0, b.Dx()+40, b.Dy()+40))
	xdraw.Copy(margin, image.Pt(20, 20), paper, b, xdraw.Src, nil)
	assert.Equal(t, uint32(0xffff), backdrop(margin), "a photo with a transparent margin is on white")
	assert.Equal(t, uint32(0), backdrop(onClear(testDigit(t, 0), 10, color.NRGBA{255, 255, 255, 255})), "white ink on a transparent picture is on black")
	in, _, err := Prepare(margin)
	require.NoError(t, err)
	assert.Equal(t, read(testDigit(t, 0)), read(in))
}
