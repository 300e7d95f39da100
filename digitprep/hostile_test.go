package digitprep

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/internal/hostile"
	"github.com/godae/dae/quality"
)

// bigDigit draws MNIST digit i k times larger, dark on white, as a 16-bit
// grey image.
func bigDigit(t *testing.T, i, k int) *image.Gray16 {
	d := testDigit(t, i)
	img := image.NewGray16(image.Rect(0, 0, 28*k, 28*k))
	for y := 0; y < 28*k; y++ {
		for x := 0; x < 28*k; x++ {
			img.SetGray16(x, y, color.Gray16{Y: uint16((1 - d[(y/k)*28+x/k]) * 0xffff)})
		}
	}
	return img
}

func TestSixteenBitPNG(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, bigDigit(t, 0, 6)))
	img, err := Decode(b.Bytes())
	require.NoError(t, err)
	_, ok := img.(*image.Gray16)
	require.True(t, ok, "decoded as 16-bit")
	got, info, err := Prepare(img)
	require.NoError(t, err)
	assert.True(t, info.Inverted)
	assert.Greater(t, quality.PSNR(testDigit(t, 0), got), 15.0)
}

func TestCMYKJPEG(t *testing.T) {
	data, err := os.ReadFile("testdata/seven-cmyk.jpg") // MNIST test digit 0, light on dark, CMYK (made with ImageMagick)
	require.NoError(t, err)
	img, err := Decode(data)
	require.NoError(t, err)
	_, ok := img.(*image.CMYK)
	require.True(t, ok, "decoded as CMYK")
	got, info, err := Prepare(img)
	require.NoError(t, err)
	assert.False(t, info.Inverted, "already light on dark")
	assert.Greater(t, quality.PSNR(testDigit(t, 0), got), 15.0)
}

// An animated GIF is read as its first frame.
func TestAnimatedGIFUsesTheFirstFrame(t *testing.T) {
	frame := func(i int) *image.Paletted {
		src := bigDigit(t, i, 4)
		p := image.NewPaletted(src.Bounds(), palette.Plan9)
		for y := 0; y < src.Rect.Dy(); y++ {
			for x := 0; x < src.Rect.Dx(); x++ {
				p.Set(x, y, src.At(x, y))
			}
		}
		return p
	}
	var b bytes.Buffer
	require.NoError(t, gif.EncodeAll(&b, &gif.GIF{Image: []*image.Paletted{frame(0), frame(1)}, Delay: []int{10, 10}}))
	img, err := Decode(b.Bytes())
	require.NoError(t, err)
	got, _, err := Prepare(img)
	require.NoError(t, err)
	assert.Greater(t, quality.PSNR(testDigit(t, 0), got), quality.PSNR(testDigit(t, 1), got)+3, "closer to frame 1's digit than frame 2's")
}

func TestBlackAndWhiteImagesHaveNoDigit(t *testing.T) {
	for _, v := range []uint8{0, 255} {
		img := image.NewGray(image.Rect(0, 0, 300, 200))
		for i := range img.Pix {
			img.Pix[i] = v
		}
		var b bytes.Buffer
		require.NoError(t, png.Encode(&b, img))
		dec, err := Decode(b.Bytes())
		require.NoError(t, err)
		_, _, err = Prepare(dec)
		assert.ErrorIs(t, err, ErrBlank, "grey level %d", v)
	}
}

// A 40-megapixel photo is shrunk before it is processed: it gives the
// same digit as a small copy, and quickly.
func TestLargeImageIsShrunkFirst(t *testing.T) {
	small := bigDigit(t, 2, 10) // 280×280
	large := image.NewGray16(image.Rect(0, 0, 7700, 5000))
	for i := range large.Pix {
		large.Pix[i] = 0xff
	}
	// Put the digit, 10 times larger again, in the middle.
	for y := 0; y < 2800; y++ {
		for x := 0; x < 2800; x++ {
			large.SetGray16(2450+x, 1100+y, small.Gray16At(x/10, y/10))
		}
	}
	start := time.Now()
	got, info, err := Prepare(large)
	took := time.Since(start)
	require.NoError(t, err)
	t.Logf("7700×5000 prepared in %v; ink box %v after shrinking", took, info.Bounds)
	assert.Greater(t, quality.PSNR(testDigit(t, 2), got), 15.0)
	assert.LessOrEqual(t, max(info.Bounds.Max.X, info.Bounds.Max.Y), MaxWork)
}

func TestWorkSize(t *testing.T) {
	for _, tc := range []struct{ w, h, ww, wh int }{
		{28, 28, 28, 28},
		{512, 10, 512, 10},
		{513, 1, 257, 1},
		{7700, 5000, 482, 313},
		{5000, 7700, 313, 482},
	} {
		w, h := WorkSize(tc.w, tc.h)
		assert.Equal(t, [2]int{tc.ww, tc.wh}, [2]int{w, h}, "%d×%d", tc.w, tc.h)
		assert.LessOrEqual(t, max(w, h), MaxWork)
	}
}

func TestCheckSize(t *testing.T) {
	require.NoError(t, CheckSize(MinSide, MinSide))
	require.NoError(t, CheckSize(8000, 5000))
	require.NoError(t, CheckSize(3000, 64))
	assert.EqualError(t, CheckSize(0, 5), "the image is 0×5 pixels: it has no pixels")
	// With the file's own size (the page prepares a copy at WorkSize).
	assert.EqualError(t, CheckSize(1, 1), "the image is 1×1 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)")
	assert.EqualError(t, CheckSize(3000, 11), "the image is 3000×11 pixels: too small to hold a digit (at least 12×12, or 4 across for a digit cropped tight)")
	assert.EqualError(t, CheckSize(3_000_000, 13), "the image is 3000000×13 pixels: too long for its width to look for a digit in; crop it around the digit")
	assert.EqualError(t, CheckSize(20000, 20000), "the image is 20000×20000 pixels (400 megapixels); the limit is 40 megapixels: scale it down, or crop it")
	require.NoError(t, CheckFileSize(MaxBytes))
	assert.EqualError(t, CheckFileSize(0), "the file is empty")
	assert.EqualError(t, CheckFileSize(MaxBytes+1<<20), "the file is 21.0 MiB; the limit is 20 MiB: save it smaller, or crop it")
}

// A progressive JPEG of many empty scans is refused from its markers,
// before decoding; one with the scans an encoder writes is decoded.
func TestProgressiveJPEGBomb(t *testing.T) {
	bomb := hostile.ProgressiveJPEG(6000, 6000, 1000)
	t.Logf("the bomb: %d KB", len(bomb)>>10)
	_, err := Decode(bomb)
	assert.EqualError(t, err, "the JPEG has 1001 scans of 6000×6000 pixels, 36.0 billion pixel passes to decode; the limit is 1.28 billion (a photo has 1 to about 10 scans)")

	w, h, scans := jpegScans(hostile.ProgressiveJPEG(6000, 6000, 9))
	assert.Equal(t, [3]int{6000, 6000, 10}, [3]int{w, h, scans})
	img, err := Decode(hostile.ProgressiveJPEG(640, 480, 9))
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 640, 480), img.Bounds())
	// A small image may have more scans: the work is what is bounded.
	_, err = Decode(hostile.ProgressiveJPEG(64, 64, 1000))
	assert.NoError(t, err)
}

// The scan counter finds the markers whatever lies between them: stuffed
// bytes, restart markers, fill bytes, segments that claim too much, and
// stops at the end of the image.
func TestJPEGScansWalksMarkers(t *testing.T) {
	sof := []byte{0xFF, 0xC0, 0, 11, 8, 0, 10, 0, 20, 1, 1, 0x11, 0}
	sos := []byte{0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0}
	var data []byte
	data = append(data, 0xFF, 0xD8)
	data = append(data, sof...)
	data = append(data, sos...)
	data = append(data, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xFF)
	data = append(data, sos...)
	data = append(data, 0xFF, 0xD9)
	data = append(data, sos...) // after the end: not a scan
	w, h, scans := jpegScans(data)
	assert.Equal(t, [3]int{20, 10, 2}, [3]int{w, h, scans})
	for _, d := range [][]byte{nil, {0xFF}, {0xFF, 0xD8}, {0xFF, 0xD8, 0xFF, 0xDA, 0xFF}, {0xFF, 0xD8, 0xFF, 0xC0, 0, 0}, {0xFF, 0xD8, 0xFF, 0xDA, 0, 1, 0xFF, 0xDA}, []byte("not a jpeg")} {
		assert.NotPanics(t, func() { jpegScans(d) }, "%x", d)
	}
}

// A pale pencil 1 on light paper with a small black speck far from it: the
// speck holds the strongest ink, the 1 the most. Preparation once took the
// ink's level from pixels near the image's strongest ink, found none in the
// digit and panicked (found by a review and by FuzzUpload); the digit is
// the 1.
func TestPaleDigitWithADarkSpeck(t *testing.T) {
	for _, side := range []int{200, 300, 512, 1000} {
		img := image.NewGray(image.Rect(0, 0, side, side))
		for i := range img.Pix {
			img.Pix[i] = 240
		}
		for y := side / 4; y < side*3/4; y++ {
			for x := side/2 - side/40; x < side/2+side/40; x++ {
				img.Pix[y*img.Stride+x] = 150
			}
		}
		for y := 2; y < 2+side/50; y++ {
			for x := 2; x < 2+side/50; x++ {
				img.Pix[y*img.Stride+x] = 0
			}
		}
		in, info, err := Prepare(img)
		require.NoError(t, err, "%d px", side)
		assert.Greater(t, info.Bounds.Dy(), 3*info.Bounds.Dx(), "%d px: the digit is the tall 1, not the speck (%v)", side, info.Bounds)
		assert.Len(t, in, Side*Side)
	}
}
