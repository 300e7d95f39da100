package webapp

import (
	"image"
	"image/color"

	xdraw "golang.org/x/image/draw"

	"github.com/godae/dae/nn"
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

// latentColumns is how many heat maps a row of LatentImage holds: the
// seed's eight in one row, the strong model's 32 in four.
const latentColumns = 8

// LatentImage draws a latent code of shape C×H×W as C heat maps in rows of
// up to latentColumns, one pixel per value with a one-pixel gap, each
// channel scaled to its own range (dark blue low, yellow high).
func LatentImage(code []float32, s nn.Shape) *image.RGBA {
	cols := min(s.C, latentColumns)
	rows := (s.C + cols - 1) / cols
	img := image.NewRGBA(image.Rect(0, 0, cols*(s.W+1)-1, rows*(s.H+1)-1))
	for c := 0; c < s.C; c++ {
		x0, y0 := c%cols*(s.W+1), c/cols*(s.H+1)
		ch := code[c*s.H*s.W : (c+1)*s.H*s.W]
		lo, hi := ch[0], ch[0]
		for _, v := range ch {
			lo, hi = min(lo, v), max(hi, v)
		}
		for y := 0; y < s.H; y++ {
			for x := 0; x < s.W; x++ {
				t := float32(0)
				if hi > lo {
					t = (ch[y*s.W+x] - lo) / (hi - lo)
				}
				img.Set(x0+x, y0+y, heat(t))
			}
		}
	}
	return img
}

// heat maps t in [0,1] to a colour from dark blue through teal to yellow
// (a coarse viridis).
func heat(t float32) color.RGBA {
	stops := []color.RGBA{{68, 1, 84, 255}, {59, 82, 139, 255}, {33, 145, 140, 255}, {94, 201, 98, 255}, {253, 231, 37, 255}}
	f := t * float32(len(stops)-1)
	i := min(int(f), len(stops)-2)
	u := f - float32(i)
	a, b := stops[i], stops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(float32(x)*(1-u) + float32(y)*u + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}
