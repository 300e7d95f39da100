package digitprep

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// framed is an MNIST digit written dark, 4 times MNIST's size, in the
// middle of 400×360 paper (grey 235), in a frame band px wide of grey
// level frame all round, blurred by a box of blur px each way (a photo's
// soft edges), with sensor noise of noise grey levels; light inverts it
// all (light ink on dark paper in a light frame).
func framed(digit []float32, band int, frame uint8, blur int, noise float64, light bool) (*image.Gray, image.Rectangle) {
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
			img.SetGray(x, y, color.Gray{uint8(v)})
		}
	}
	g := grey(img)
	if blur > 0 {
		g = boxBlur(g, w, h, blur)
	}
	for i, v := range g {
		v := 255*float64(v) + noise*rnd.NormFloat64()
		if light {
			v = 255 - v
		}
		img.Pix[i] = uint8(max(0, min(255, math.Round(v))))
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
		blur  int
		noise float64
		light bool
	}{
		{8, 0, 0, 0, false}, {40, 0, 0, 0, false}, {70, 20, 0, 8, false}, {3, 0, 0, 8, false}, {30, 0, 0, 0, true}, {30, 60, 0, 8, true},
		// A photo's soft edge: a line or two between the frame and the
		// paper (these were not found).
		{30, 20, 3, 4, false}, {50, 60, 3, 4, false},
	} {
		what := fmt.Sprintf("a frame %d px wide of grey %d round %s paper, blur %d, noise %g", c.band, c.frame, map[bool]string{false: "white", true: "dark"}[c.light], c.blur, c.noise)
		right := 0
		for i := range n {
			img, want := framed(test.Image(nil, i), c.band, c.frame, c.blur, c.noise, c.light)
			in, info, err := Prepare(img)
			require.NoError(t, err, "%s: test digit %d", what, i)
			assert.Equal(t, !c.light, info.Inverted, "%s: test digit %d: dark ink on light paper", what, i)
			assert.InDelta(t, 0, dist(want, info.Bounds), 8, "%s: test digit %d: the digit is at %v, found at %v", what, i, want, info.Bounds)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		assert.GreaterOrEqual(t, right, n-1, what)
	}
}

// A frame of two lines (a band at the picture's edge and a line inside
// it), or one line drawn inside the picture's edge (a form's box): the
// digit the inner line holds is found and read (the line was taken for
// the digit: 2 or 3 of 10 read right). heldBy.
func TestDoubleFrame(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, c := range []struct{ band, gap, line int }{{30, 10, 4}, {20, 20, 6}, {0, 30, 4}} {
		right := 0
		for i := range 10 {
			img, want := framed(test.Image(nil, i), c.band, 0, 0, 4, false)
			w, h := img.Rect.Dx(), img.Rect.Dy()
			outer := image.Rect(0, 0, w, h).Inset(c.band + c.gap)
			inner := outer.Inset(c.line)
			for y := range h {
				for x := range w {
					if p := image.Pt(x, y); p.In(outer) && !p.In(inner) {
						img.Pix[y*w+x] = 10
					}
				}
			}
			in, info, err := Prepare(img)
			require.NoError(t, err, "%+v: test digit %d", c, i)
			assert.InDelta(t, 0, dist(want, info.Bounds), 8, "%+v: test digit %d: the digit is at %v, found at %v", c, i, want, info.Bounds)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		assert.GreaterOrEqual(t, right, 9, "%+v", c)
	}
}

// dist is how far apart two boxes' edges are, at most.
func dist(a, b image.Rectangle) int {
	return max(abs(a.Min.X-b.Min.X), abs(a.Min.Y-b.Min.Y), abs(a.Max.X-b.Max.X), abs(a.Max.Y-b.Max.Y))
}

// glyph is s printed dark at size px on paper (grey 235), cropped to its
// ink with a margin of margin times its longer side.
func glyph(t *testing.T, path, s string, size, margin float64) *image.Gray {
	data, err := os.ReadFile(path)
	require.NoError(t, err, "make fonts installs %s", path)
	f, err := opentype.Parse(data)
	require.NoError(t, err)
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	require.NoError(t, err)
	defer face.Close()
	big := image.NewGray(image.Rect(0, 0, int(2*size), int(2*size)))
	draw.Draw(big, big.Rect, image.NewUniform(color.Gray{235}), image.Point{}, draw.Src)
	d := font.Drawer{Dst: big, Src: image.NewUniform(color.Gray{20}), Face: face, Dot: fixed.P(int(size/4), int(1.5*size))}
	d.DrawString(s)
	var ink image.Rectangle
	for y := range big.Rect.Dy() {
		for x := range big.Rect.Dx() {
			if big.GrayAt(x, y).Y < 128 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	r := ink.Inset(-int(margin * float64(max(ink.Dx(), ink.Dy()))))
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Rect, image.NewUniform(color.Gray{235}), image.Point{}, draw.Src) // where the margin runs past big
	draw.Draw(out, out.Rect, big, r.Min, draw.Src)
	return out
}

// What is not a frame: a blank page in uneven light (the light falls off
// towards the edges: no step), a note on a desk wider than a frame, a
// digit cropped to its ink (its border split between ink and paper), and
// a bold 0 cropped close, whose ring steps from the paper along all four
// sides as a frame does, but holds its counter, not paper (taken for a
// frame, its counter was the digit: read as a 2, or "far wider than any
// one digit"). The 0s are read as 0s.
func TestNotAFrame(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	require.Equal(t, uint8(0), test.Labels[10])
	notFrames := map[string]image.Image{
		"a blank page, light falling off": blankPage(400, 300, 60, 0.5),
		"a note on a desk":                onDesk(test.Image(nil, 0), "note"),
		"a 0 cropped to its ink":          croppedToInk(test.Image(nil, 10), 200),
	}
	zeros := map[string]image.Image{}
	for _, c := range []struct {
		path   string
		margin float64
	}{
		{"/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", 0.12},
		{"/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf", 0.10},
		{"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf", 0.12},
	} {
		what := fmt.Sprintf("a bold 0 (%s) cropped with a margin of %.0f %%", filepath.Base(c.path), 100*c.margin)
		zeros[what] = glyph(t, c.path, "0", 300, c.margin)
		notFrames[what] = zeros[what]
	}
	for what, img := range notFrames {
		img = shrink(img)
		b := img.Bounds()
		r, ok := unframe(grey(img), b.Dx(), b.Dy())
		assert.False(t, ok, "%s: %v", what, r)
	}
	for what, img := range zeros {
		in, _, err := Prepare(img)
		if assert.NoError(t, err, what) {
			assert.Equal(t, 0, reads(in), what)
		}
	}
}

// withFrame draws a frame band px wide of grey level v along img's edges,
// inset px in from them.
func withFrame(img *image.Gray, inset, band int, v uint8) {
	b := img.Bounds()
	for y := b.Min.Y + inset; y < b.Max.Y-inset; y++ {
		for x := b.Min.X + inset; x < b.Max.X-inset; x++ {
			if x < b.Min.X+inset+band || y < b.Min.Y+inset+band || x >= b.Max.X-inset-band || y >= b.Max.Y-inset-band {
				img.SetGray(x, y, color.Gray{v})
			}
		}
	}
}

// A digit small in a large framed photo is looked at again, finer, as
// without the frame (inside the frame it was too small, and the whole
// picture was looked at instead: "no digit found"); and a blank page in a
// frame has no digit (the whole picture gave one made of the frame).
func TestSmallDigitOrNoneInAFrame(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	right := 0
	for i := range 10 {
		photo := photoWith(test.Image(nil, i), 2000, 1500, image.Rect(1000, 700, 1035, 735))
		withFrame(photo, 0, 100, 0)
		in, _, err := Prepare(photo)
		if err == nil && reads(in) == int(test.Labels[i]) {
			right++
		}
	}
	assert.GreaterOrEqual(t, right, 9, "35 px digits in a 2,000×1,500 photo in a frame 100 px wide (fewer when not looked at again finer)")

	blank := blankPage(400, 300, 0, 0)
	withFrame(blank, 0, 30, 0)
	_, _, err := Prepare(blank)
	assert.True(t, NoDigit(err), "a blank page in a frame: %v", err)
}
