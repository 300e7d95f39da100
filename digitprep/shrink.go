package digitprep

import (
	"image"
	"image/draw"
)

// MaxWork is the longest side Prepare works at: a larger image is first
// shrunk by an integer factor, averaging each k×k block, so that a 40
// megapixel photo costs about as much as a 1-megapixel one. The digit ends
// up 20 pixels tall, so nothing that matters is lost.
const MaxWork = 1024

// shrinkFactor is the smallest integer that brings the longer side of a
// w×h image to MaxWork or less.
func shrinkFactor(w, h int) int { return max(1, (max(w, h)+MaxWork-1)/MaxWork) }

// WorkSize is the size Prepare shrinks a w×h image to before it looks for
// the digit. A program that decodes by other means (the browser app) can
// scale to it first and hand Prepare no more pixels than it will use.
func WorkSize(w, h int) (int, int) {
	k := shrinkFactor(w, h)
	return (w + k - 1) / k, (h + k - 1) / k
}

// shrink returns img, or img reduced by the smallest integer factor that
// brings its longer side to MaxWork or less. It converts k rows at a time
// (with image/draw's fast paths), so it never holds the full image twice.
func shrink(img image.Image) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	k := shrinkFactor(w, h)
	if k <= 1 {
		return img
	}
	ow, oh := WorkSize(w, h)
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	strip := image.NewRGBA(image.Rect(0, 0, w, k))
	sums := make([]uint32, 4*ow)
	counts := make([]uint32, ow)
	for oy := 0; oy < oh; oy++ {
		rows := min(k, h-oy*k)
		draw.Draw(strip, image.Rect(0, 0, w, rows), img, image.Pt(b.Min.X, b.Min.Y+oy*k), draw.Src)
		clear(sums)
		clear(counts)
		for y := 0; y < rows; y++ {
			row := strip.Pix[y*strip.Stride : y*strip.Stride+4*w]
			for x := 0; x < w; x++ {
				o := x / k
				sums[4*o] += uint32(row[4*x])
				sums[4*o+1] += uint32(row[4*x+1])
				sums[4*o+2] += uint32(row[4*x+2])
				sums[4*o+3] += uint32(row[4*x+3])
				counts[o]++
			}
		}
		dst := out.Pix[oy*out.Stride:]
		for o := 0; o < ow; o++ {
			for c := 0; c < 4; c++ {
				dst[4*o+c] = uint8((sums[4*o+c] + counts[o]/2) / counts[o])
			}
		}
	}
	return out
}
