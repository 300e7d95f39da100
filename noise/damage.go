package noise

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"github.com/godae/dae/classic"
)

// The kinds of damage besides noise that a digit suffers between a pen and
// a page: what a photo, a scan or a screenshot does to it. Each writes a
// damaged copy of src (h×w values in [0,1], ink bright on black, as MNIST)
// to dst and keeps values in [0,1]; dst and src may be the same slice.

// Blur is a Gaussian blur of σ pixels (a camera out of focus, a scan at
// low resolution): classic.GaussianBlur; σ below 0.2 copies.
func Blur(dst, src []float32, h, w int, sigma float64) {
	if sigma < 0.2 {
		copy(dst, src)
		return
	}
	out := make([]float32, len(src))
	classic.GaussianBlur(out, src, h, w, sigma)
	for i, v := range out {
		dst[i] = clip01(float64(v))
	}
}

// Background puts the digit on a grey, uneven background with low
// contrast, as a photo of paper does once inverted: the background is
// level at the centre and varies by up to ±gradient about it, along a
// random direction, and the ink rises contrast above it.
func Background(dst, src []float32, h, w int, level, gradient, contrast float64, r *rand.Rand) {
	gy, gx := math.Sincos(2 * math.Pi * r.Float64())
	diag := math.Hypot(float64(h), float64(w))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			t := ((float64(x)-float64(w-1)/2)*gx + (float64(y)-float64(h-1)/2)*gy) / diag
			bg := level + 2*gradient*t
			i := y*w + x
			dst[i] = clip01(bg + contrast*float64(src[i]))
		}
	}
}

// Faint scales the ink down to factor of its strength (a pencil, a pale
// pen, a washed-out scan).
func Faint(dst, src []float32, factor float64) {
	for i, v := range src {
		dst[i] = clip01(factor * float64(v))
	}
}

// Thin takes the smallest value of each pixel's 3×3 neighbourhood, blended
// with the pixel by amount in [0,1]: strokes thinner by up to a pixel.
func Thin(dst, src []float32, h, w int, amount float64) {
	out := make([]float32, len(src))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m := src[y*w+x]
			for yy := max(0, y-1); yy <= min(h-1, y+1); yy++ {
				for xx := max(0, x-1); xx <= min(w-1, x+1); xx++ {
					m = min(m, src[yy*w+xx])
				}
			}
			v := float64(src[y*w+x])
			out[y*w+x] = clip01(v + amount*(float64(m)-v))
		}
	}
	copy(dst, out)
}

// JPEG saves the image as a JPEG of that quality (1–100) and reads it back:
// the 8×8 blocking and ringing of a heavily compressed photo or screenshot.
func JPEG(dst, src []float32, h, w, quality int) {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i, v := range src {
		img.Pix[i] = uint8(255*v + 0.5)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		copy(dst, src) // an in-memory Gray image always encodes; keep the digit if not
		return
	}
	back, err := jpeg.Decode(&b)
	if err != nil {
		copy(dst, src)
		return
	}
	g := back.(*image.Gray)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dst[y*w+x] = float32(g.Pix[y*g.Stride+x]) / 255
		}
	}
}

// Blocks blanks n square blocks of side pixels at random places (a finger,
// a sticker, a fold in the paper).
func Blocks(dst, src []float32, h, w, n, side int, r *rand.Rand) {
	copy(dst, src)
	side = min(side, h, w)
	for range n {
		y0, x0 := r.IntN(h-side+1), r.IntN(w-side+1)
		for y := y0; y < y0+side; y++ {
			for x := x0; x < x0+side; x++ {
				dst[y*w+x] = 0
			}
		}
	}
}
