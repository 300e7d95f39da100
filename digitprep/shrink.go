package digitprep

import (
	"image"
	"image/draw"
)

// MaxWork is the longest side Prepare works at (but for long, narrow
// images: shrinkFactor): a larger image is first shrunk by an integer
// factor, averaging each k×k block, so that a 40 megapixel photo costs
// about as much as a quarter-megapixel one. The
// digit ends up 20 pixels tall; even one a tenth of the photo's height
// keeps twice that here, so nothing that matters is lost, and the work
// of preparing any photo is bounded by that of a MaxWork square (it was
// 1024, four times the work).
const MaxWork = 512

// shrinkFactor is the smallest integer that brings the longer side of a
// w×h image to MaxWork or less; for a long, narrow image (a strip of
// paper, a wide screenshot of a line) whose shorter side that would bring
// under MinSide, the largest that keeps it at MinSide, unless the image
// would then have more than MaxWork² pixels (so that the work stays
// within that of a MaxWork-square image; CheckSize refuses an image whose
// shorter side that brings under MinSide). An image of the size it gives
// has a factor of 1 (the page decodes at WorkSize, and Prepare does not
// shrink that again).
func shrinkFactor(w, h int) int {
	k := max(1, (max(w, h)+MaxWork-1)/MaxWork)
	if s := min(w, h); s >= MinSide && s/k < MinSide {
		k = max(1, s/MinSide)
		// At most about a dozen steps: within MaxPixels, k² ≤ MaxPixels/MaxWork².
		for int64((w+k-1)/k)*int64((h+k-1)/k) > MaxWork*MaxWork {
			k++
		}
	}
	return k
}

// WorkSize is the size Prepare shrinks a w×h image to before it looks for
// the digit. A program that decodes by other means (the browser app) can
// scale to it first and hand Prepare no more pixels than it will use.
func WorkSize(w, h int) (int, int) {
	k := shrinkFactor(w, h)
	return (w + k - 1) / k, (h + k - 1) / k
}

// shrinkCols is how many output columns shrink converts at a time.
const shrinkCols = 64

// shrink returns img, or img reduced by the integer factor that
// shrinkFactor gives (ShrinkBy).
func shrink(img image.Image) image.Image {
	b := img.Bounds()
	return ShrinkBy(img, shrinkFactor(b.Dx(), b.Dy()))
}

// ShrinkBy returns img reduced by the integer factor k, each pixel the mean
// of a k×k block (those of the last row and column smaller when the sides
// are not multiples of k), or img itself when k is 1 or less. It converts
// blocks of k rows and 64·k columns at a time (with image/draw's fast
// paths), so its memory is bounded by the output and such a block, never
// more than the image itself holds, whatever the image's shape (a
// 4,000,000×10 image has k = 7,813: its strip of k whole rows would have
// been 125 GB).
func ShrinkBy(img image.Image, k int) image.Image {
	if k <= 1 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := (w+k-1)/k, (h+k-1)/k
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	bw := min(w, shrinkCols*k)
	block := image.NewRGBA(image.Rect(0, 0, bw, min(k, h)))
	var sums [4 * shrinkCols]uint32
	var counts [shrinkCols]uint32
	for oy := 0; oy < oh; oy++ {
		rows := min(k, h-oy*k)
		for x0 := 0; x0 < w; x0 += bw {
			cols := min(bw, w-x0)
			draw.Draw(block, image.Rect(0, 0, cols, rows), img, image.Pt(b.Min.X+x0, b.Min.Y+oy*k), draw.Src)
			clear(sums[:])
			clear(counts[:])
			for y := 0; y < rows; y++ {
				row := block.Pix[y*block.Stride : y*block.Stride+4*cols]
				for x := 0; x < cols; x++ {
					o := x / k
					sums[4*o] += uint32(row[4*x])
					sums[4*o+1] += uint32(row[4*x+1])
					sums[4*o+2] += uint32(row[4*x+2])
					sums[4*o+3] += uint32(row[4*x+3])
					counts[o]++
				}
			}
			dst := out.Pix[oy*out.Stride+4*(x0/k):]
			for o := 0; o < (cols+k-1)/k; o++ {
				for c := 0; c < 4; c++ {
					dst[4*o+c] = uint8((sums[4*o+c] + counts[o]/2) / counts[o])
				}
			}
		}
	}
	return out
}
