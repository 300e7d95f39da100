package webapp

import (
	"image"

	xdraw "golang.org/x/image/draw"
)

// Gray8 converts values in [0,1] to 8-bit grey levels, rounding to the
// nearest level (what the page shows, and what the browser tests compare).
func Gray8(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 1:
		return 255
	}
	return uint8(v*255 + 0.5)
}

// GrayImage makes w×h values in [0,1] a greyscale picture, white ink on
// black as in MNIST. (The page has the browser encode its pictures, so the
// app carries no PNG encoder.)
func GrayImage(vals []float32, w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i, v := range vals[:w*h] {
		img.Pix[i] = Gray8(v)
	}
	return img
}

// Enlarged is img with each pixel a k×k square (nearest-neighbour
// scaling): a 28×28 digit at a size to look at, its pixels kept sharp.
func Enlarged(img *image.Gray, k int) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, k*b.Dx(), k*b.Dy()))
	xdraw.NearestNeighbor.Scale(out, out.Rect, img, b, xdraw.Src, nil)
	return out
}
