package digitprep

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"

	"github.com/godae/dae/noise"
	"github.com/godae/dae/quality"
)

func testDigit(t *testing.T, i int) []float32 { return testSet(t).Image(nil, i) }

// photo renders an MNIST digit as a person might upload it: scaled up by k,
// dark ink on light paper, off-centre on a larger canvas.
func photo(digit []float32, k int) *image.RGBA {
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[i] = uint8(255 - v*255) // dark ink on white
	}
	canvas := image.NewRGBA(image.Rect(0, 0, 28*k+90, 28*k+40))
	for i := range canvas.Pix {
		canvas.Pix[i] = 235 // light grey paper
	}
	at := image.Rect(60, 10, 60+28*k, 10+28*k)
	xdraw.BiLinear.Scale(canvas, at, small, small.Bounds(), xdraw.Over, nil)
	// Make the area around the digit paper-coloured too.
	for y := at.Min.Y; y < at.Max.Y; y++ {
		for x := at.Min.X; x < at.Max.X; x++ {
			c := canvas.RGBAAt(x, y)
			if c.R > 235 {
				canvas.SetRGBA(x, y, color.RGBA{235, 235, 235, 255})
			}
		}
	}
	return canvas
}

func encode(t *testing.T, img image.Image, format string) []byte {
	var b bytes.Buffer
	switch format {
	case "png":
		require.NoError(t, png.Encode(&b, img))
	case "jpeg":
		require.NoError(t, jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}))
	case "gif":
		require.NoError(t, gif.Encode(&b, img, nil))
	}
	return b.Bytes()
}

func TestUploadsBecomeMNISTDigits(t *testing.T) {
	for _, i := range []int{0, 1, 2} {
		digit := testDigit(t, i)
		for _, format := range []string{"png", "jpeg", "gif"} {
			img, err := Decode(encode(t, photo(digit, 7), format))
			require.NoError(t, err)
			got, info, err := Prepare(img)
			require.NoError(t, err)
			assert.True(t, info.Inverted, "light paper is inverted")
			psnr := quality.PSNR(digit, got)
			t.Logf("digit %d as %s: PSNR %.1f dB against the MNIST original, ink box %v", i, format, psnr, info.Bounds)
			assert.Greater(t, psnr, 15.0, "digit %d %s", i, format)
		}
	}
}

func TestWebP(t *testing.T) {
	data, err := os.ReadFile("testdata/seven.webp") // MNIST test digit 0, dark on light, 196×196 (made with cwebp)
	require.NoError(t, err)
	img, err := Decode(data)
	require.NoError(t, err)
	got, info, err := Prepare(img)
	require.NoError(t, err)
	assert.True(t, info.Inverted)
	assert.Greater(t, quality.PSNR(testDigit(t, 0), got), 15.0)
}

func TestMNISTSizedInputIsKept(t *testing.T) {
	digit := testDigit(t, 3)
	g := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		g.Pix[i] = uint8(v*255 + 0.5)
	}
	got, info, err := Prepare(g)
	require.NoError(t, err)
	assert.False(t, info.Inverted)
	assert.InDeltaSlice(t, digit, got, 1.0/255)

	for i, v := range digit { // dark on light: inverted, not moved
		g.Pix[i] = uint8(255 - v*255 + 0.5)
	}
	got, info, err = Prepare(g)
	require.NoError(t, err)
	assert.True(t, info.Inverted)
	assert.InDeltaSlice(t, digit, got, 1.0/255)
}

func TestBadInput(t *testing.T) {
	_, err := Decode(nil)
	assert.EqualError(t, err, "the file is empty")
	_, err = Decode([]byte("hello, this is text"))
	assert.ErrorIs(t, err, ErrNotImage)
	png1 := encode(t, photo(make([]float32, 784), 2), "png")
	_, err = Decode(png1[:len(png1)/2])
	assert.ErrorContains(t, err, "damaged or truncated")

	white := image.NewGray(image.Rect(0, 0, 50, 40))
	for i := range white.Pix {
		white.Pix[i] = 255
	}
	_, _, err = Prepare(white)
	assert.ErrorIs(t, err, ErrBlank)
	_, _, err = Prepare(image.NewGray(image.Rect(0, 0, 1, 1)))
	assert.EqualError(t, err, "the image is 1×1 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)")
	_, _, err = Prepare(image.NewGray(image.Rect(5, 5, 5, 5)))
	assert.EqualError(t, err, "the image is 0×0 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)", "an empty image")
}

// A PNG whose header claims 20000×20000 is refused before decoding.
func TestHugeImageRefusedFromHeader(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))))
	data := b.Bytes()
	// IHDR's width and height are at bytes 16..24, its CRC (of bytes 12..29) at 29..33.
	copy(data[16:24], []byte{0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20})
	binary.BigEndian.PutUint32(data[29:33], crc32.ChecksumIEEE(data[12:29]))
	_, err := Decode(data)
	assert.EqualError(t, err, "the image is 20000×20000 pixels (400 megapixels); the limit is 40 megapixels: scale it down, or crop it")
}

// A large noisy upload is cropped to its digit, not to its noise.
func TestNoisyUploadIsCroppedToTheDigit(t *testing.T) {
	digit := testDigit(t, 1)
	clean := photo(digit, 7)
	cleanImg, err := Decode(encode(t, clean, "png"))
	require.NoError(t, err)
	_, cleanInfo, err := Prepare(cleanImg)
	require.NoError(t, err)

	noisy := image.NewGray(clean.Bounds())
	r := noise.New(9)
	for i := range noisy.Pix {
		v := float64(clean.Pix[4*i]) / 255
		noisy.Pix[i] = uint8(255 * math.Max(0, math.Min(1, v+0.3*r.NormFloat64())))
	}
	got, info, err := Prepare(noisy)
	require.NoError(t, err)
	t.Logf("clean box %v, noisy box %v, PSNR %.1f dB", cleanInfo.Bounds, info.Bounds, quality.PSNR(digit, got))
	for _, d := range []int{
		info.Bounds.Min.X - cleanInfo.Bounds.Min.X, info.Bounds.Max.X - cleanInfo.Bounds.Max.X,
		info.Bounds.Min.Y - cleanInfo.Bounds.Min.Y, info.Bounds.Max.Y - cleanInfo.Bounds.Max.Y,
	} {
		assert.LessOrEqual(t, abs(d), 7, "box edges within one MNIST pixel (7 px here) of the clean box")
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// grey reads NRGBA and RGBA pixels directly; it gives what At gives, for
// every pixel of random images, transparent ones included, and for
// sub-images.
func TestGreyFastPathsMatchAt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	nrgba := image.NewNRGBA(image.Rect(0, 0, 37, 23))
	rgba := image.NewRGBA(image.Rect(0, 0, 37, 23))
	for i := range nrgba.Pix {
		nrgba.Pix[i] = uint8(r.IntN(256))
	}
	for i := 0; i < len(rgba.Pix); i += 4 {
		a := uint8(r.IntN(256))
		for c := range 3 {
			rgba.Pix[i+c] = uint8(r.IntN(int(a) + 1)) // premultiplied: at most alpha
		}
		rgba.Pix[i+3] = a
	}
	for _, img := range []image.Image{nrgba, rgba, nrgba.SubImage(image.Rect(3, 4, 30, 20)), rgba.SubImage(image.Rect(5, 1, 9, 22))} {
		got, bg := grey(img), backdrop(img)
		b := img.Bounds()
		require.Len(t, got, b.Dx()*b.Dy())
		i := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				cr, cg, cb, ca := img.At(x, y).RGBA()
				require.Equal(t, lum(cr, cg, cb, ca, bg), got[i], "%T at %d,%d", img, x, y)
				i++
			}
		}
	}
}

// Area gives where the digit is as shares of the picture, whatever Prepare
// shrank it to first: here a 1,490×1,440 photo, worked on at a third of
// that, with the digit's ink within a pixel of MNIST's scaled by 50.
func TestAreaIsWhereTheDigitIs(t *testing.T) {
	const k = 50
	digit := testDigit(t, 0)
	img := photo(digit, k)
	_, info, err := Prepare(img)
	require.NoError(t, err)
	ink := boxOver(digit, 28, 28, 0.5) // in MNIST pixels; the photo has it at (60, 10), k times as large
	w, h := float64(img.Rect.Dx()), float64(img.Rect.Dy())
	want := []float64{(60 + k*float64(ink.Min.X)) / w, (10 + k*float64(ink.Min.Y)) / h, (60 + k*float64(ink.Max.X)) / w, (10 + k*float64(ink.Max.Y)) / h}
	left, top, right, bottom := info.Area()
	ww, wh := WorkSize(img.Rect.Dx(), img.Rect.Dy())
	assert.InDeltaSlice(t, want, []float64{left, top, right, bottom}, k/w, "within one MNIST pixel; the box %v of the %d×%d work image", info.Bounds, ww, wh)

	g := image.NewGray(image.Rect(0, 0, Side, Side))
	for i, v := range digit {
		g.Pix[i] = uint8(255 * v)
	}
	_, info, err = Prepare(g)
	require.NoError(t, err)
	left, top, right, bottom = info.Area()
	assert.Equal(t, []float64{0, 0, 1, 1}, []float64{left, top, right, bottom}, "a 28×28 image is taken whole")
}

// What is too small to be a digit is refused with a message, not scaled up
// into a white square: an image a pixel high (before it is shrunk, too) or
// 8 pixels a side, a digit 5 pixels high, a dot, a square blob.
func TestTooSmallOrADot(t *testing.T) {
	ink := func(w, h int, at image.Rectangle, round bool) *image.Gray {
		img := image.NewGray(image.Rect(0, 0, w, h))
		c := at.Min.Add(at.Max).Div(2)
		r := at.Dx() / 2
		for y := at.Min.Y; y < at.Max.Y; y++ {
			for x := at.Min.X; x < at.Max.X; x++ {
				if dx, dy := x-c.X, y-c.Y; !round || dx*dx+dy*dy <= r*r {
					img.Pix[y*img.Stride+x] = 255
				}
			}
		}
		return img
	}
	for _, c := range []struct {
		what string
		img  image.Image
		want string
	}{
		{"a line 1 px high", ink(300, 1, image.Rect(100, 0, 200, 1), false), "the image is 300×1 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)"},
		{"8×8", ink(8, 8, image.Rect(2, 1, 5, 7), false), "the image is 8×8 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)"},
		{"1100×11", ink(1100, 11, image.Rect(500, 0, 503, 11), false), "the image is 1100×11 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)"},
		{"a digit 5 px high", ink(120, 100, image.Rect(30, 20, 31, 25), false), "the digit found is 3×5 pixels of the 120×100 looked at: too small to read (a closer picture would do)"},
		{"a dot", ink(280, 280, image.Rect(100, 100, 122, 122), true), ErrDot.Error()},
		{"a square blob", ink(200, 200, image.Rect(50, 50, 110, 110), false), ErrDot.Error()},
	} {
		_, _, err := Prepare(c.img)
		assert.EqualError(t, err, c.want, c.what)
	}
	// A short thick bar, three times as long as it is wide, is a 1.
	_, _, err := Prepare(ink(200, 200, image.Rect(90, 50, 110, 110), false))
	assert.NoError(t, err, "a bar 20×60")
}

// A picture of two digits side by side, or far apart, may hold more than
// one digit; one digit, or one written in two strokes, does not.
func TestSeveral(t *testing.T) {
	digit := func(img *image.Gray, d []float32, x0, y0, k int) {
		for y := 0; y < 28*k; y++ {
			for x := 0; x < 28*k; x++ {
				img.Pix[(y0+y)*img.Stride+x0+x] = uint8(255 * d[(y/k)*28+x/k])
			}
		}
	}
	seven, two := testDigit(t, 0), testDigit(t, 1)
	for _, c := range []struct {
		what  string
		place func(img *image.Gray)
		want  bool
	}{
		{"one digit", func(img *image.Gray) { digit(img, seven, 100, 40, 6) }, false},
		{"two side by side", func(img *image.Gray) { digit(img, seven, 60, 40, 6); digit(img, two, 200, 40, 6) }, true},
		{"two far apart", func(img *image.Gray) { digit(img, seven, 10, 40, 6); digit(img, two, 420, 80, 4) }, true},
		{"a 7 with a short bar apart", func(img *image.Gray) {
			digit(img, seven, 100, 40, 6)
			for y := 130; y < 134; y++ {
				for x := 150; x < 175; x++ {
					img.Pix[y*img.Stride+x] = 255
				}
			}
		}, false},
	} {
		img := image.NewGray(image.Rect(0, 0, 560, 260))
		c.place(img)
		_, info, err := Prepare(img)
		require.NoError(t, err, c.what)
		assert.Equal(t, c.want, info.Several, c.what)
	}
}
