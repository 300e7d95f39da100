package digitprep

import (
	"image"
	"image/color"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
