package digitprep

import (
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// framed is an MNIST digit written dark, 4 times MNIST's size, in the
// middle of 400×360 paper (grey 235), in a frame band px wide of grey
// level frame all round, with sensor noise of noise grey levels; light
// inverts it all (light ink on dark paper in a light frame).
func framed(digit []float32, band int, frame uint8, noise float64, light bool) (*image.Gray, image.Rectangle) {
	const w, h, k = 400, 360, 4
	r := image.Rect(w/2-14*k, h/2-14*k, w/2+14*k, h/2+14*k)
	img := photoWith(digit, w, h, r)
	rnd := rand.New(rand.NewPCG(uint64(band), 2))
	for y := range h {
		for x := range w {
			v := float64(img.GrayAt(x, y).Y)
			if x < band || y < band || x >= w-band || y >= h-band {
				v = float64(frame)
			}
			v += noise * rnd.NormFloat64()
			if light {
				v = 255 - v
			}
			img.SetGray(x, y, color.Gray{uint8(max(0, min(255, v)))})
		}
	}
	ink := boxOver(digit, 28, 28, 0.5)
	return img, image.Rect(r.Min.X+k*ink.Min.X, r.Min.Y+k*ink.Min.Y, r.Min.X+k*ink.Max.X, r.Min.Y+k*ink.Max.Y)
}

// A frame round the picture (a border drawn round a scan, a screenshot's
// dark edge, a photo's mat), thin or wide, dark round white paper or light
// round dark paper: the digit inside is found and read (a black frame made
// the border, and so the white paper inside it was taken for ink: a 3
// read as an 8, or as a 1 cut out of the paper).
func TestFramedPicture(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 10
	for _, c := range []struct {
		band  int
		frame uint8
		noise float64
		light bool
	}{
		{8, 0, 0, false}, {40, 0, 0, false}, {70, 20, 8, false}, {3, 0, 8, false}, {30, 0, 0, true}, {30, 60, 8, true},
	} {
		what := fmt.Sprintf("a frame %d px wide of grey %d round %s paper, noise %g", c.band, c.frame, map[bool]string{false: "white", true: "dark"}[c.light], c.noise)
		right := 0
		for i := range n {
			img, want := framed(test.Image(nil, i), c.band, c.frame, c.noise, c.light)
			in, info, err := Prepare(img)
			require.NoError(t, err, "%s: test digit %d", what, i)
			assert.Equal(t, !c.light, info.Inverted, "%s: test digit %d: dark ink on light paper", what, i)
			assert.InDelta(t, 0, dist(want, info.Bounds), 8, "%s: test digit %d: the digit found (%v), not the paper (%v)", what, i, info.Bounds, want)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		assert.GreaterOrEqual(t, right, n-1, what)
	}
}

// dist is how far apart two boxes' edges are, at most.
func dist(a, b image.Rectangle) int {
	return max(abs(a.Min.X-b.Min.X), abs(a.Min.Y-b.Min.Y), abs(a.Max.X-b.Max.X), abs(a.Max.Y-b.Max.Y))
}

// What is not a frame: a blank page in uneven light (the light falls off
// towards the edges: no step), a note on a desk wider than a frame, a
// digit cropped close, its strokes a step from the background along all
// four edges (a 0's ring), and a picture with a margin round such a digit.
func TestNotAFrame(t *testing.T) {
	test := testSet(t)
	require.Equal(t, uint8(0), test.Labels[10])
	for what, img := range map[string]image.Image{
		"a blank page, light falling off":  blankPage(400, 300, 60, 0.5),
		"a note on a desk":                 onDesk(test.Image(nil, 0), "note"),
		"a 0 cropped to its ink":           croppedToInk(test.Image(nil, 10), 200),
		"a 0 with a margin of 10 px round": photoWith(test.Image(nil, 10), 160, 160, image.Rect(-10, -10, 170, 170)),
	} {
		img = shrink(img)
		g := grey(img)
		b := img.Bounds()
		r, ok := unframe(g, b.Dx(), b.Dy())
		assert.False(t, ok, "%s: %v", what, r)
	}
}
