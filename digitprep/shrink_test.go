package digitprep

import (
	"image"
	"image/color"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"
)

// shrinkRef averages each k×k block (cut at the edges) pixel by pixel.
func shrinkRef(img *image.Gray) *image.RGBA {
	b := img.Bounds()
	k := shrinkFactor(b.Dx(), b.Dy())
	ow, oh := WorkSize(b.Dx(), b.Dy())
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for oy := 0; oy < oh; oy++ {
		for ox := 0; ox < ow; ox++ {
			var sum, n uint32
			for y := oy * k; y < min(oy*k+k, b.Dy()); y++ {
				for x := ox * k; x < min(ox*k+k, b.Dx()); x++ {
					sum += uint32(img.GrayAt(x, y).Y)
					n++
				}
			}
			v := uint8((sum + n/2) / n)
			out.Set(ox, oy, color.RGBA{v, v, v, 255})
		}
	}
	return out
}

func TestShrinkAveragesBlocks(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range [][2]int{{3000, 50}, {2100, 2100}, {4000, 7}, {1500, 3333}, {70000, 3}} {
		img := image.NewGray(image.Rect(0, 0, size[0], size[1]))
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(256))
		}
		got, ok := shrink(img).(*image.RGBA)
		require.True(t, ok, "%v", size)
		assert.Equal(t, shrinkRef(img).Pix, got.Pix, "%v", size)
	}
}

// A very wide image, within the pixel limit, is shrunk in memory bounded
// by what the image holds (the strip of k whole rows it once took would
// be 62 GB for this one).
func TestShrinkVeryWideImage(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 4_000_000, 10))
	for x := 1_000_000; x < 3_000_000; x++ {
		img.Pix[5*img.Stride+x] = 255
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out := shrink(img)
	runtime.ReadMemStats(&after)
	assert.Equal(t, image.Rect(0, 0, MaxWork, 1), out.Bounds())
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated")
}

// A long, narrow picture (a strip of paper, a wide screenshot) is shrunk
// no narrower than MinSide, so that its digit is still looked for: a
// 50-pixel 5 in a 3000×64 strip was refused in the page, which decodes at
// WorkSize (500×11), as "too small to hold a digit", with that size. One
// too narrow for its length at any shrink within the work's budget is
// refused before it is decoded, with its own size.
func TestLongNarrowPicture(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	i := 0
	for test.Labels[i] != 5 {
		i++
	}
	strip := image.NewGray(image.Rect(0, 0, 3000, 64))
	for j := range strip.Pix {
		strip.Pix[j] = 235
	}
	xdraw.BiLinear.Scale(strip, image.Rect(1500, 7, 1550, 57), photoWith(test.Image(nil, i), 28, 28, image.Rect(0, 0, 28, 28)), image.Rect(0, 0, 28, 28), xdraw.Src, nil)
	w, h := WorkSize(3000, 64)
	assert.GreaterOrEqual(t, min(w, h), MinSide, "%d×%d", w, h)
	assert.LessOrEqual(t, w*h, MaxWork*MaxWork)
	require.NoError(t, CheckSize(3000, 64))

	in, _, err := Prepare(strip)
	require.NoError(t, err)
	assert.Equal(t, 5, reads(in), "prepared from the file")
	// As the page does: decoded at WorkSize, then the part around the
	// digit decoded again from the file at full scale (Refine).
	small := image.NewGray(image.Rect(0, 0, w, h))
	xdraw.BiLinear.Scale(small, small.Bounds(), strip, strip.Bounds(), xdraw.Src, nil)
	_, info, err := Prepare(small)
	require.True(t, err == nil || TooSmall(err), "%v", err)
	l, tp, r, b, ok := info.ZoomArea(3000, 64)
	require.True(t, ok, "the digit is looked at again, finer")
	in, _, ok = Refine(strip.SubImage(PartOf(strip.Bounds(), l, tp, r, b)), info, l, tp, r, b)
	require.True(t, ok)
	assert.Equal(t, 5, reads(in), "prepared as the page does")

}

// Whatever the shape of an image CheckSize lets through, its work size has
// at most MaxWork² pixels and a shorter side of MinSide or more, is not
// shrunk again (the page decodes at WorkSize and Prepare must not shrink
// that copy further), and its factor is no more than the longer side's
// alone asks (which bounds shrink's memory).
func TestWorkSizeOfEveryShape(t *testing.T) {
	check := func(w, h int) {
		if CheckSize(w, h) != nil {
			return
		}
		ww, wh := WorkSize(w, h)
		k := shrinkFactor(w, h)
		if ww*wh > MaxWork*MaxWork || min(ww, wh) < MinSide || shrinkFactor(ww, wh) != 1 || k > max(1, (max(w, h)+MaxWork-1)/MaxWork) {
			t.Fatalf("%d×%d: work size %d×%d (factor %d, then %d)", w, h, ww, wh, k, shrinkFactor(ww, wh))
		}
	}
	for h := MinSide; h <= 600; h++ {
		for w := h; w <= MaxPixels/h; w += 1 + w/97 {
			check(w, h)
			check(h, w)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200_000 {
		w := 1 + r.IntN(MaxPixels/MinSide)
		check(w, 1+r.IntN(MaxPixels/w))
	}
}
