package e2e

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"

	"github.com/godae/dae/noise"
)

// The pictures the browser tests upload, made here: digits from MNIST or
// the samples, with noise, on photos, two at once, animated.

// noisyUpload writes a large, noisy, light-on-dark picture of a digit.
func noisyUpload(t *testing.T, digit []float32) (string, []byte) {
	const k = 8
	img := image.NewGray(image.Rect(0, 0, 28*k+40, 28*k+40))
	r := noise.New(42)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			v := 0.0
			if dx, dy := (x-20)/k, (y-20)/k; x >= 20 && y >= 20 && dx < 28 && dy < 28 {
				v = float64(digit[dy*28+dx])
			}
			img.Pix[y*img.Stride+x] = uint8(255 * math.Max(0, math.Min(1, v+0.35*r.NormFloat64())))
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "noisy-digit.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path, b.Bytes()
}

// twoDigitUpload writes a 480×240 PNG of two digits, dark on light: a
// on the left drawn 7 times as large as MNIST's, b on the right 5 times,
// far enough apart that preparation takes a, which has more ink, alone.
func twoDigitUpload(t *testing.T, a, b []float32) string {
	img := image.NewGray(image.Rect(0, 0, 480, 240))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	draw := func(digit []float32, k, x0, y0 int) {
		for y := 0; y < 28*k; y++ {
			for x := 0; x < 28*k; x++ {
				img.Pix[(y0+y)*img.Stride+x0+x] = uint8(255 * (1 - digit[(y/k)*28+x/k]))
			}
		}
	}
	draw(a, 7, 10, 22)
	draw(b, 5, 320, 50)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	path := filepath.Join(t.TempDir(), "two-digits.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// tiles names the results' tiles in the page's order, each by the first
// id in it.
func (p *page) tiles() []string {
	var ids []string
	p.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#results .tiles > *"), c => c.id || c.querySelector("[id]")?.id || c.tagName)`, &ids))
	return ids
}

// smallDigitPhoto writes a 2,000×1,500 PNG of light paper with a digit 70
// pixels high on it, dark on light, and returns its path, its bytes and
// its picture.
func smallDigitPhoto(t *testing.T, digit []float32) (string, []byte, *image.Gray) {
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[i] = uint8(255 - 255*v)
	}
	photo := image.NewGray(image.Rect(0, 0, 2000, 1500))
	for i := range photo.Pix {
		photo.Pix[i] = 235
	}
	xdraw.BiLinear.Scale(photo, image.Rect(1000, 700, 1070, 770), small, small.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, photo))
	path := filepath.Join(t.TempDir(), "small-digit.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path, buf.Bytes(), photo
}

// bigUpload writes a 2,280-pixel PNG of a digit, dark on light.
func bigUpload(t *testing.T, digit []float32) string {
	const k = 80
	img := image.NewGray(image.Rect(0, 0, 28*k+40, 28*k+40))
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			v := 0.0
			if dx, dy := (x-20)/k, (y-20)/k; x >= 20 && y >= 20 && dx < 28 && dy < 28 {
				v = float64(digit[dy*28+dx])
			}
			img.Pix[y*img.Stride+x] = uint8(255 * (1 - v))
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "big-digit.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// clearUpload writes a PNG of digit in white ink on a transparent canvas,
// as a drawing app exports one, and returns its path.
func clearUpload(t *testing.T, digit []float32) string {
	const k = 10
	img := image.NewNRGBA(image.Rect(0, 0, 28*k+40, 28*k+40))
	for y := 20; y < 20+28*k; y++ {
		for x := 20; x < 20+28*k; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 255, 255, 255, uint8(255*digit[(y-20)/k*28+(x-20)/k])
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "white-on-clear.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// animatedUpload writes a GIF of two frames, digits a and b, and returns
// its path.
func animatedUpload(t *testing.T, a, b []float32) string {
	g := &gif.GIF{}
	for _, digit := range [][]float32{a, b} {
		img := image.NewPaletted(image.Rect(0, 0, 28*6, 28*6), color.Palette(palette.Plan9))
		for y := range 28 * 6 {
			for x := range 28 * 6 {
				img.Set(x, y, color.Gray{Y: uint8(255 * (1 - digit[y/6*28+x/6]))})
			}
		}
		g.Image, g.Delay = append(g.Image, img), append(g.Delay, 40)
	}
	var buf bytes.Buffer
	require.NoError(t, gif.EncodeAll(&buf, g))
	path := filepath.Join(t.TempDir(), "animated.gif")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}
