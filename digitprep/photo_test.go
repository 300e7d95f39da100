package digitprep

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"
)

// penOf is where a pen wrote an MNIST digit in r of a w×h photo: how much
// ink each pixel holds, 0 to 255.
func penOf(digit []float32, w, h int, r image.Rectangle) *image.Gray {
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[i] = uint8(255 * v)
	}
	pen := image.NewGray(image.Rect(0, 0, w, h))
	xdraw.BiLinear.Scale(pen, r, small, small.Bounds(), xdraw.Src, nil)
	return pen
}

// penInMiddle is penOf with the digit k times MNIST's size in the middle
// of the photo.
func penInMiddle(digit []float32, w, h, k int) *image.Gray {
	x0, y0 := (w-28*k)/2, (h-28*k)/2
	return penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
}

// onDesk is an MNIST digit written with a dark pen, 4 times MNIST's size
// at (244, 169), on a photo of 600×450: "note" a light sticky note
// (200..400 × 150..300) on a darker desk that fills the rest, the desk at
// the photo's border (and wider there than a third of the photo's
// shorter side, so that it is background; deskAlong has narrower bands);
// "shadow" a page whose left
// part, up to x = 230, close to the digit, lies in a hard shadow.
func onDesk(digit []float32, scene string) *image.RGBA {
	const w, h, k, x0, y0 = 600, 450, 4, 244, 169
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			paper := [3]float64{235, 232, 225}
			switch {
			case scene == "note" && !image.Pt(x, y).In(image.Rect(200, 150, 400, 300)):
				paper = [3]float64{70 + float64((x*7+y*13)%23), 55, 40} // wood
			case scene == "note":
				paper = [3]float64{250, 235, 140} // a yellow note
			case scene == "shadow" && x < 230:
				paper = [3]float64{120, 118, 112}
			}
			v := float64(pen.Pix[y*w+x]) / 255
			var px [3]uint8
			for i, ink := range [3]float64{25, 30, 60} {
				px[i] = uint8(paper[i]*(1-v) + ink*v)
			}
			img.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	return img
}

// tilted is the "note" scene of onDesk turned by deg degrees about the
// photo's centre: desk where the turned scene has none.
func tilted(digit []float32, deg float64) *image.RGBA {
	scene := onDesk(digit, "note")
	b := scene.Bounds()
	out := image.NewRGBA(b)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	desk := scene.RGBAAt(0, 0)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(math.Round(cx+dx*cos+dy*sin)), int(math.Round(cy-dx*sin+dy*cos))
			c := desk
			if image.Pt(sx, sy).In(b) {
				c = scene.RGBAAt(sx, sy)
			}
			out.SetRGBA(x, y, c)
		}
	}
	return out
}

// A sticky note photographed on a darker desk, and a page half in a hard
// shadow: the digit is found, not the note or the shadow's edge, and read.
func TestNoteOnADeskAndHardShadow(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 10
	for _, scene := range []string{"note", "shadow"} {
		right := 0
		for i := range n {
			digit := test.Image(nil, i)
			what := fmt.Sprintf("test digit %d, %s", i, scene)
			in, info, err := Prepare(onDesk(digit, scene))
			require.NoError(t, err, what)
			assert.True(t, info.Inverted, "%s: dark ink on light paper", what)
			ink := boxOver(digit, 28, 28, 0.5)
			want := []float64{float64(244+4*ink.Min.X) / 600, float64(169+4*ink.Min.Y) / 450, float64(244+4*ink.Max.X) / 600, float64(169+4*ink.Max.Y) / 450}
			l, tp, r, b := info.Area()
			assert.InDeltaSlice(t, want, []float64{l, tp, r, b}, 8.0/450, "%s: the digit found, within two MNIST pixels (shares of the photo)", what)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("%s: %d of %d read right", scene, right, n)
		assert.GreaterOrEqual(t, right, n-1, scene)
	}
}

// photoWith is a w×h photo of paper (grey 235) with an MNIST digit
// written dark in r.
func photoWith(digit []float32, w, h int, r image.Rectangle) *image.Gray {
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for j, v := range digit {
		small.Pix[j] = uint8(255 - 255*v)
	}
	photo := image.NewGray(image.Rect(0, 0, w, h))
	for j := range photo.Pix {
		photo.Pix[j] = 235
	}
	xdraw.BiLinear.Scale(photo, r, small, small.Bounds(), xdraw.Src, nil)
	return photo
}

// A small digit in a large photo (70 pixels high in 2,000×1,500, 17 once
// the photo is shrunk to MaxWork) is prepared again from the part around
// it at a finer scale, and read.
func TestSmallDigitInALargePhoto(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n, k, x0, y0 = 10, 5, 1000, 700 // MNIST's 28 px drawn 2.5 times as large: 2 photo pixels each
	right, coarseRight := 0, 0
	for i := range n {
		photo := photoWith(test.Image(nil, i), 2000, 1500, image.Rect(x0, y0, x0+28*k/2, y0+28*k/2))
		in, info, err := Prepare(photo)
		require.NoError(t, err)
		coarse, cinfo, err := prepare(photo, nil)
		if err != nil {
			require.True(t, TooSmall(err), "digit %d: %v", i, err) // at 17 px its strokes may merge into a blot
		}
		_, _, _, _, zoom := cinfo.ZoomArea(2000, 1500)
		assert.True(t, zoom, "digit %d: small enough to look at again (%v)", i, cinfo.Bounds)
		l, tp, r, b := info.Area()
		assert.InDelta(t, float64(x0+70/2)/2000, (l+r)/2, 10.0/2000, "digit %d: found where it is", i)
		assert.InDelta(t, float64(y0+70/2)/1500, (tp+b)/2, 10.0/1500, "digit %d: found where it is", i)
		if reads(in) == int(test.Labels[i]) {
			right++
		}
		if err == nil && reads(coarse) == int(test.Labels[i]) {
			coarseRight++
		}
	}
	t.Logf("read right: %d of %d, %d without the finer look", right, n, coarseRight)
	assert.GreaterOrEqual(t, right, n-1)

	// Smaller yet: 60 pixels in 4,000×3,000, under 8 in the 512 pixels
	// looked at first, where it is often too small to read or a dot; the
	// finer look at where that was is taken then too.
	right, errs := 0, 0
	for i := range n {
		photo := photoWith(test.Image(nil, i), 4000, 3000, image.Rect(2000, 1500, 2060, 1560))
		if _, _, err := prepare(photo, nil); TooSmall(err) {
			errs++
		}
		if in, _, err := Prepare(photo); err == nil && reads(in) == int(test.Labels[i]) {
			right++
		}
	}
	// A dot, though, stays a dot when looked at again (the finer look made
	// it a white square read as a 0).
	photo := image.NewGray(image.Rect(0, 0, 2000, 1500))
	for y := range 1500 {
		for x := range 2000 {
			photo.Pix[y*2000+x] = 235
			if math.Hypot(float64(x-1100), float64(y-700)) < 16 {
				photo.Pix[y*2000+x] = 20
			}
		}
	}
	_, _, err := Prepare(photo)
	assert.ErrorIs(t, err, ErrDot, "a dot 32 px across in 2,000×1,500")
	// And a blot with soft edges, 110 px across in 600×400 (read as a 0).
	blot := image.NewGray(image.Rect(0, 0, 600, 400))
	for y := range 400 {
		for x := range 600 {
			d := math.Hypot(float64(x-300), float64(y-200))
			blot.Pix[y*600+x] = uint8(235 - 200*math.Max(0, math.Min(1, (60-d)/20)))
		}
	}
	_, _, err = Prepare(blot)
	assert.ErrorIs(t, err, ErrDot, "a soft blot")
	t.Logf("60 px in 4,000×3,000: %d of %d read right; %d too small or a dot at first", right, n, errs)
	assert.Positive(t, errs, "the case this checks")
	assert.GreaterOrEqual(t, right, 8, "6 when a dot or a digit too small was not looked at again")
}

// noteIn is an MNIST digit written with a dark felt tip, k times MNIST's size,
// on a yellow sticky note a third of the digit's side wider on every side,
// on a wooden desk that fills the rest of a w×h photo, the note near its
// centre (moved by a digit's side as n goes).
func noteIn(digit []float32, w, h, k, n int) *image.RGBA {
	side := 28 * k
	x0, y0 := (w-side)/2+(n%5-2)*side/2, (h-side)/2+(n%3-1)*side/2
	note := image.Rect(x0-side/3, y0-side/3, x0+side+side/3, y0+side+side/3)
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+side, y0+side))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			paper := [3]float64{110 + float64((x*7+y*13)%23), 80, 55} // wood
			if image.Pt(x, y).In(note) {
				paper = [3]float64{250, 232, 120}
			}
			v := min(1, 2*float64(pen.Pix[y*w+x])/255) // a felt tip
			var px [3]uint8
			for i, ink := range [3]float64{20, 25, 40} {
				px[i] = uint8(paper[i]*(1-v) + ink*v)
			}
			img.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	return img
}

// A sticky note small in a large photo: the digit on it is found, not the
// note (at the scale the photo is looked at first, the note is narrower
// than the background's window, and the desk's level, spread over it by
// the estimate's smoothing, hid the ink: see maxLift).
func TestSmallNoteInALargePhoto(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 10
	for _, size := range [][2]int{{1600, 1200}, {2400, 1800}} {
		right := 0
		for i := range n {
			in, _, err := Prepare(noteIn(test.Image(nil, i), size[0], size[1], 6, i))
			if err == nil && reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("a note of %d px in %d×%d: %d of %d read right", 28*6*5/3, size[0], size[1], right, n)
		assert.GreaterOrEqual(t, right, n-1, "%v (6 and 1 of 10 when the desk's level hid the ink)", size)
	}
}

// shadowOver is an MNIST digit written with a dark pen, 4 times MNIST's
// size, on a photo of 800×600 of a page whose left part, share of its
// width, lies in a hard shadow (45 % of the light): the digit across the
// shadow's edge (through) or in the light beside it.
func shadowOver(digit []float32, share float64, through bool) *image.Gray {
	const w, h, k = 800, 600, 4
	edge := int(share * w)
	x0 := edge + (w-edge-28*k)/2
	if through {
		x0 = edge - 28*k/2
	}
	pen := penOf(digit, w, h, image.Rect(x0, (h-28*k)/2, x0+28*k, (h+28*k)/2))
	return pageLit(pen, func(x, _ int) float64 {
		return 0.45 + 0.55*math.Max(0, math.Min(1, float64(x-edge+3)/6))
	}, 2, rand.New(rand.NewPCG(2, uint64(edge))))
}

// pageLit is a photo of a page (grey 235) with pen's ink on it (grey 25),
// each pixel (x, y) lit by light(x, y), a share of the full light, with a
// sensor's noise of noise grey levels drawn from r.
func pageLit(pen *image.Gray, light func(x, y int) float64, noise float64, r *rand.Rand) *image.Gray {
	w, h := pen.Rect.Dx(), pen.Rect.Dy()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			v := float64(pen.Pix[y*w+x]) / 255
			img.Pix[y*w+x] = uint8(max(0, min(255, light(x, y)*(235*(1-v)+25*v)+noise*r.NormFloat64())))
		}
	}
	return img
}

// A page more than half in a hard shadow: the ink is still dark on the
// paper (the picture's middle grey level, in the shadow, said the paper
// was dark, and the paper between the strokes, or along the shadow's
// edge, was taken for light ink: see shadowed).
func TestShadowOverMostOfThePage(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 10
	for _, through := range []bool{true, false} {
		right := 0
		for i := range n {
			in, info, err := Prepare(shadowOver(test.Image(nil, i), 0.6, through))
			if err == nil && info.Inverted && reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("shadow over 60 %% of the page, the digit across its edge %v: %d of %d read right", through, right, n)
		assert.GreaterOrEqual(t, right, n-1, "across the edge %v", through)
	}
}

// shadowAcross is an MNIST digit written with a dark pen, 4 times MNIST's
// size, in the middle of an 800×600 photo of a page, with the edge of a
// shadow (dark of the light beside it) through the digit at deg degrees
// from upright, soft over 6 pixels, a little off the middle (seeded by
// seed), with sensor noise.
func shadowAcross(digit []float32, deg, dark float64, seed uint64) *image.Gray {
	const w, h, k, soft = 800, 600, 4, 6
	pen := penInMiddle(digit, w, h, k)
	r := rand.New(rand.NewPCG(seed, 9))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	off := (r.Float64() - 0.5) * 40
	return pageLit(pen, func(x, y int) float64 {
		d := (float64(x)-w/2)*cos + (float64(y)-h/2)*sin - off
		return dark + (1-dark)*math.Max(0, math.Min(1, (d+soft/2)/soft))
	}, 3, r)
}

// The edge of a shadow through the digit at a slant, as a phone's or a
// hand's shadow falls: where it meets the picture's edge, the shadow is a
// wedge narrower than the background's window, which stood out as a large
// piece of "ink" and was taken for the digit (reachPlateaus). Before
// (2026-12-07), of 40 such photos 27 were read right with the shadow at
// 70 % of the light, 18 at 55 %.
func TestShadowEdgeAtASlant(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, dark := range []float64{0.7, 0.55} {
		right, n := 0, 0
		for _, deg := range []float64{0, 30, 60, 90, 135, 200, 250, 320} {
			for i := range 5 {
				j := i + int(deg) // other digits at each angle
				in, info, err := Prepare(shadowAcross(test.Image(nil, j), deg, dark, uint64(i)))
				n++
				if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
					right++
				}
			}
		}
		t.Logf("shadow at %g of the light: %d of %d read right", dark, right, n)
		assert.GreaterOrEqual(t, right, n-2, "shadow at %g", dark)
	}
}

// phoneShadow is an MNIST digit written with a dark pen, 4 times MNIST's
// size, in the middle of an 800×600 photo of a page with the shadow of a
// phone held over it (dark of the light beside it): a rectangle 300
// pixels wide turned by deg degrees, coming in from the top, soft over 6
// pixels, one of its corners by the digit, a little off (seeded by seed),
// or 120 pixels up and left of it (beside); with sensor noise.
func phoneShadow(digit []float32, deg, dark float64, seed uint64, beside bool) *image.Gray {
	const w, h, k, soft = 800, 600, 4, 6
	pen := penInMiddle(digit, w, h, k)
	r := rand.New(rand.NewPCG(seed, 9))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2+(r.Float64()-0.5)*60, float64(h)/2+(r.Float64()-0.5)*60
	if beside {
		cx, cy = cx-120, cy-120
	}
	return pageLit(pen, func(x, y int) float64 {
		dx, dy := float64(x)-cx, float64(y)-cy
		u, v := dx*cos+dy*sin, -dx*sin+dy*cos   // the corner at 0, 0
		in := math.Min(math.Min(-u, u+300), -v) // how far inside the shadow
		return dark + (1-dark)*math.Max(0, math.Min(1, (soft/2-in)/soft))
	}, 3, r)
}

// The shadow of a phone held over the page, its corner by the digit or on
// it: the corner, turned, is a wedge of the shadow narrower than the
// background's window too (reachPlateaus). Before (2026-12-07), of 25 such
// photos with the shadow at 55 % of the light, 6 were read right with the
// corner on the digit and 13 with it beside the digit.
func TestPhoneShadow(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, beside := range []bool{false, true} {
		right, n := 0, 0
		for _, deg := range []float64{-30, -15, 0, 20, 40} {
			for i := range 5 {
				j := i + 3*int(deg+40) // other digits at each angle
				in, info, err := Prepare(phoneShadow(test.Image(nil, j), deg, 0.55, uint64(i), beside))
				n++
				if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
					right++
				}
			}
		}
		t.Logf("the corner beside the digit %v: %d of %d read right", beside, right, n)
		assert.GreaterOrEqual(t, right, n-2, "beside %v", beside)
	}
}

// armShadow is an MNIST digit written with a dark pen, 8 times MNIST's
// size, in the middle of an 800×600 photo of a page with the shadow of an
// arm held over it (dark of the light beside it): a band 100 pixels wide,
// about five times the pen's strokes, coming in from the picture's edge
// at deg degrees, soft over 6 pixels, with a round end past the digit
// (across) or in its middle; a little off the middle (seeded by seed),
// with sensor noise.
func armShadow(digit []float32, deg, dark float64, seed uint64, across bool) *image.Gray {
	const w, h, k, soft, half = 800, 600, 8, 6, 50
	pen := penInMiddle(digit, w, h, k)
	r := rand.New(rand.NewPCG(seed, 11))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2+(r.Float64()-0.5)*40, float64(h)/2+(r.Float64()-0.5)*40
	if across {
		cx, cy = cx+120*cos, cy+120*sin
	}
	return pageLit(pen, func(x, y int) float64 {
		// From the end (cx, cy) back along the band, which comes from
		// beyond the picture.
		dx, dy := float64(x)-cx, float64(y)-cy
		along, off := -(dx*cos + dy*sin), math.Abs(-dx*sin+dy*cos)
		d := math.Hypot(off, math.Min(0, along)) - half // how far outside the band
		return dark + (1-dark)*math.Max(0, math.Min(1, (d+soft/2)/soft))
	}, 3, r)
}

// An arm's shadow, a band five times as wide as the pen's strokes and
// narrower than the background's window, across the digit or ending on
// it: it stood out as ink, and came out as a bar through the digit, or
// was taken for it (shadeIn). Before (2026-12-07), of 24 such photos
// with the shadow at 55 % of the light, 1 was read right with the band
// across the digit, and 1 with it ending on it.
func TestArmShadowOverTheDigit(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, c := range []struct {
		across bool
		least  int // of 24: two under what reads right now
	}{{true, 20}, {false, 20}} {
		right, n := 0, 0
		for _, deg := range []float64{0, 40, 80, 130, 180, 220, 270, 320} {
			for i := range 3 {
				j := 500 + i + 2*int(deg) // other digits at each angle
				in, info, err := Prepare(armShadow(test.Image(nil, j), deg, 0.55, uint64(i), c.across))
				n++
				if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
					right++
				}
			}
		}
		t.Logf("the band across the digit %v: %d of %d read right", c.across, right, n)
		assert.GreaterOrEqual(t, right, c.least, "across %v", c.across)
	}
}

// bandBeside is an MNIST digit written with a dark pen, twice MNIST's
// size, a little off the middle of a photo of 800×600 (seeded by seed),
// and an arm's shadow at 55 % of the light across the whole picture at deg
// degrees, 120 pixels wide (twice the digit's height), its middle 170
// pixels from the digit's, soft over 6 pixels, with sensor noise.
func bandBeside(digit []float32, deg float64, seed uint64) *image.Gray {
	const w, h, k, soft, half, off, dark = 800, 600, 2, 6, 60, 170, 0.55
	pen := penInMiddle(digit, w, h, k)
	r := rand.New(rand.NewPCG(seed, 11))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2+(r.Float64()-0.5)*40-off*sin, float64(h)/2+(r.Float64()-0.5)*40+off*cos
	return pageLit(pen, func(x, y int) float64 {
		d := math.Abs(-(float64(x)-cx)*sin+(float64(y)-cy)*cos) - half // how far outside the band
		return dark + (1-dark)*math.Max(0, math.Min(1, (d+soft/2)/soft))
	}, 3, r)
}

// An arm's shadow across the picture beside a small digit, broader and
// holding more ink than it: it was taken for the digit (shadowTaken).
// Before (2026-12-07), of 24 such photos, 2 were read right; the band was
// read as a 1, or, as wide as the picture, refused as a line.
func TestArmShadowBesideASmallDigit(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	right, n := 0, 0
	for _, deg := range []float64{0, 40, 80, 130, 180, 220, 270, 320} {
		for i := range 3 {
			j := 700 + i + 2*int(deg) // other digits at each angle
			in, info, err := Prepare(bandBeside(test.Image(nil, j), deg, uint64(i)))
			n++
			if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
				right++
			}
		}
	}
	t.Logf("%d of %d read right", right, n)
	assert.GreaterOrEqual(t, right, 20, "two under what reads right now")
}

// A sticky note tilted on the desk: still the digit, not the note.
func TestTiltedNote(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, deg := range []float64{6, 12, 20, 35} {
		right := 0
		for i := range 5 {
			in, info, err := Prepare(tilted(test.Image(nil, i), deg))
			require.NoError(t, err)
			assert.True(t, info.Inverted, "%g°, digit %d: dark ink on the note", deg, i)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("%g°: %d of 5 read right", deg, right)
		assert.GreaterOrEqual(t, right, 4, "%g°", deg)
	}
}

// deskAlong is an MNIST digit written with a dark pen, 4 times MNIST's
// size at (260, 180), on a photo of 600×450 of a page with the desk
// showing along the photo's top edge (top pixels high) and its left edge
// (left pixels wide): the border is then half desk, half paper.
func deskAlong(digit []float32, top, left int) *image.Gray {
	const w, h, k, x0, y0 = 600, 450, 4, 260, 180
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			paper := 235.0
			if y < top || x < left {
				paper = wood(x, y)
			}
			v := float64(pen.Pix[y*w+x]) / 255
			img.SetGray(x, y, color.Gray{uint8(paper*(1-v) + 25*v)})
		}
	}
	return img
}

// wood is the grey level of a wood desk at (x, y): 60 to 82, in a grain.
func wood(x, y int) float64 { return float64(60 + (x*7+y*13)%23) }

// A page photographed with the desk along two of its edges, or one: the
// ink is dark on the paper, though the border is as much desk as paper,
// and the desk's bands at the edges are not the digit.
func TestPageWithTheDeskAlongItsEdges(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, desk := range [][2]int{{60, 80}, {40, 40}, {100, 0}, {0, 120}} {
		right := 0
		for i := range 10 {
			in, info, err := Prepare(deskAlong(test.Image(nil, i), desk[0], desk[1]))
			require.NoError(t, err)
			assert.True(t, info.Inverted, "desk %v, digit %d: dark ink on the page", desk, i)
			assert.False(t, info.Several, "desk %v, digit %d: the desk is not another digit", desk, i)
			l, tp, _, _ := info.Area()
			assert.Greater(t, l, 0.4, "desk %v, digit %d: found right of the desk", desk, i)
			assert.Greater(t, tp, 0.35, "desk %v, digit %d: found below the desk", desk, i)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("desk along the top %d px and the left %d px: %d of 10 read right", desk[0], desk[1], right)
		assert.GreaterOrEqual(t, right, 9, "desk %v", desk)
	}
}

// turnedPage is an MNIST digit written with a dark pen, 4 times MNIST's
// size, on an 800×600 photo of a page turned by deg degrees on a wood desk
// (grey 60 to 82), the page 880×660 about the photo's middle, so that the
// desk shows at the photo's corners in wedges; the digit up to 150 pixels
// off the middle (seeded by seed), the page's edge soft over 3 pixels, with
// sensor noise.
func turnedPage(digit []float32, deg float64, seed uint64) *image.Gray {
	const w, h, k, soft = 800, 600, 4, 3
	r := rand.New(rand.NewPCG(seed, 17))
	cx, cy := w/2+int((r.Float64()-0.5)*300), h/2+int((r.Float64()-0.5)*200)
	pen := penOf(digit, w, h, image.Rect(cx-28*k/2, cy-28*k/2, cx+28*k/2, cy+28*k/2))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(x)-w/2, float64(y)-h/2
			u, v := dx*cos+dy*sin, -dx*sin+dy*cos
			in := math.Min(440-math.Abs(u), 330-math.Abs(v)) // how far inside the page
			page := math.Max(0, math.Min(1, (in+soft/2)/soft))
			paper := page*235 + (1-page)*wood(x, y)
			ink := float64(pen.Pix[y*w+x]) / 255
			img.Pix[y*w+x] = uint8(max(0, min(255, paper*(1-ink)+25*ink+3*r.NormFloat64())))
		}
	}
	return img
}

// A page turned on a desk, the desk at the photo's corners: each corner's
// desk is a wedge narrower than the background's window, cut by the
// page's edge and the photo's, with no flat stretch of the desk wide
// enough for the window to follow (reachPlateaus finds none), and the
// heaviest wedge was taken for the digit (read as a 2, a 7, or refused
// as a line). A wedge that fills its hull, at a corner of the picture,
// beside a digit of far thinner strokes clear of the edges is left out
// (digitMask's blob). Before (2026-12-07), of these 40 photos 4 were read
// right: 26 were read as another digit, 10 refused as a line.
func TestPageTurnedOnADesk(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	right, n := 0, 0
	for _, deg := range []float64{-30, -20, -12, 12, 20, 30, 40, 50} {
		for i := range 5 {
			j := i + 5*int(deg+30) // other digits at each angle
			in, info, err := Prepare(turnedPage(test.Image(nil, j), deg, uint64(i)))
			n++
			if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
				right++
			} else {
				t.Logf("%g°, digit %d: %v", deg, j, err)
			}
		}
	}
	t.Logf("%d of %d read right", right, n)
	assert.GreaterOrEqual(t, right, n-2)
}

// noteInShadow is an MNIST digit written with a dark pen, 4 times MNIST's
// size, in the middle of a note (grey 232, side wide, turned by deg
// degrees) on a wood desk (grey 60 to 82) in an 800×600 photo, the note
// cut by the photo's top and bottom edges, with the edge of a shadow (55 %
// of the light, soft over 10 pixels) across the photo at a slant, 80 to 100
// pixels left of the digit's middle on its middle row (across) or 150, and
// sensor noise.
func noteInShadow(digit []float32, side, deg float64, across bool, seed uint64) *image.Gray {
	const w, h, k, soft = 800, 600, 4, 10
	r := rand.New(rand.NewPCG(seed, 23))
	pen := penOf(digit, w, h, image.Rect(w/2-28*k/2, h/2-28*k/2, w/2+28*k/2, h/2+28*k/2))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	// The shadow's edge: a line at 60° to 120° from the horizontal, the
	// shadow on its left, on the digit's middle row 80 to 100 pixels left
	// of the digit's middle (across) or 150.
	at := w/2 - 80 - 20*r.Float64()
	if !across {
		at = 250
	}
	ss, sc := math.Sincos((60 + 60*r.Float64()) * math.Pi / 180)
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(x)-w/2, float64(y)-h/2
			u, v := dx*cos+dy*sin, -dx*sin+dy*cos
			in := side/2 - math.Max(math.Abs(u), math.Abs(v)) // how far inside the note
			note := math.Max(0, math.Min(1, in+0.5))
			paper := note*232 + (1-note)*wood(x, y)
			d := (float64(x)-at)*ss - dy*sc // how far right of the shadow's edge
			light := 0.55 + 0.45*math.Max(0, math.Min(1, (d+soft/2)/soft))
			ink := float64(pen.Pix[y*w+x]) / 255
			img.Pix[y*w+x] = uint8(max(0, min(255, light*(paper*(1-ink)+25*ink)+3*r.NormFloat64())))
		}
	}
	return img
}

// A note on a darker desk, cut by the photo's top and bottom edges, a
// shadow across the photo: the desk at the photo's corners, in light or in
// shadow, is not the digit (digitMask's blob). Before (2026-12-07), 19 of
// these 48 photos were read right; now 33, all 24 of the wider note.
// Still wrong, 15 of the narrower note: the border is mostly desk, and
// light ink is found first, a sliver of lit desk or paper beside the
// shadow. (Looking at the dark side too, and taking its digit when the
// light ink is paper in it or far fainter, read 2 more right, at the cost
// of a second search for ink in every picture of light ink found first.)
func TestNoteOnADeskInAShadow(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	right, n := 0, 0
	for _, side := range []float64{640, 720} {
		for _, across := range []bool{true, false} {
			for _, deg := range []float64{-15, 0, 10, 20} {
				for i := range 3 {
					j := n + 40 // each photo its own digit
					in, info, err := Prepare(noteInShadow(test.Image(nil, j), side, deg, across, uint64(i)))
					n++
					if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
						right++
					} else {
						l, tp, r, b := info.Area()
						t.Logf("note %g px turned %g°, shadow across it %v, digit %d: %v, dark ink %v, found at %.2f,%.2f-%.2f,%.2f", side, deg, across, j, err, info.Inverted, l, tp, r, b)
					}
				}
			}
		}
	}
	t.Logf("%d of %d read right", right, n)
	assert.GreaterOrEqual(t, right, 31)
}

// blankPage is a photo of w×h of paper without a digit: 225 grey, darker
// by grad levels towards the left edge, by vig (a share) towards the
// corners, with sensor noise.
func blankPage(w, h int, grad, vig float64) *image.Gray {
	return pageInUnevenLight(w, h, grad, vig, nil, 0)
}

// pageInUnevenLight is blankPage with the ink of pen (w×h, 255 where it
// covers the paper), darker than the paper under it by the share dark.
func pageInUnevenLight(w, h int, grad, vig float64, pen *image.Gray, dark float64) *image.Gray {
	r := rand.New(rand.NewPCG(1, 1))
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := 225 - grad*float64(w-1-x)/float64(w-1)
			v *= vignette(x, y, w, h, vig)
			if pen != nil {
				v *= 1 - dark*float64(pen.Pix[y*w+x])/255
			}
			img.SetGray(x, y, color.Gray{uint8(max(0, min(255, v+6*r.NormFloat64())))})
		}
	}
	return img
}

// vignette is the share of a w×h photo's light that falls at (x, y) when
// its corners get 1−vig of its middle's, falling off with the square of
// the distance from the middle.
func vignette(x, y, w, h int, vig float64) float64 {
	rr := math.Hypot(float64(x)-float64(w)/2, float64(y)-float64(h)/2) / math.Hypot(float64(w)/2, float64(h)/2)
	return 1 - vig*rr*rr
}

// A blank page photographed in uneven light has no digit: the lighting at
// its edges, which the background's estimate leaves, is not one (it was
// read as a 1 or a 7 at 100 %), nor is the strongest part of that
// lighting that the second look over the bands finds (digitMask): a wedge
// along an edge, a corner.
func TestBlankPageInUnevenLight(t *testing.T) {
	for _, c := range []struct {
		w, h      int
		grad, vig float64
		quality   int // of a JPEG round trip, or 0
	}{{1600, 1200, 20, 0, 0}, {900, 700, 20, 0, 0}, {900, 700, 40, 0, 0}, {1600, 1200, 0, 0.15, 0}, {900, 700, 0, 0.15, 0}, {1600, 1200, 20, 0.15, 0},
		{900, 700, 20, 0.15, 0}, {1600, 1200, 0, 0.3, 0}, {600, 800, 0, 0.3, 0}, {900, 700, 20, 0.45, 0},
		// Each a digit when the second look asked for strokes alone.
		{800, 640, 15, 0.45, 0}, {800, 640, 0, 0.45, 35}, {640, 480, 30, 0.45, 0}, {1024, 768, 30, 0.45, 35},
		{600, 800, 0, 0.1, 0}, {600, 800, 15, 0.3, 35}, {600, 800, 30, 0.45, 35}, {600, 800, 60, 0.45, 70}} {
		var img image.Image = blankPage(c.w, c.h, c.grad, c.vig)
		if c.quality > 0 {
			var b bytes.Buffer
			require.NoError(t, jpeg.Encode(&b, img, &jpeg.Options{Quality: c.quality}))
			var err error
			img, err = jpeg.Decode(&b)
			require.NoError(t, err)
		}
		_, info, err := Prepare(img)
		assert.ErrorIs(t, err, ErrBlank, "%+v: found %v", c, info.Bounds)
	}
}

// A pale pencil's digit (a fifth darker than its paper) touching the edge
// of such a photo is found: one piece with the band of lighting that the
// background's estimate leaves along that edge, it was left out with it as
// lighting (0 of these 12 were read).
func TestFaintDigitOnABandOfLighting(t *testing.T) {
	const n, k = 12, 5
	right := pencilDigitsRead(t, 2000, 7, n, k, func(i int, b image.Rectangle) pencilPhoto {
		if i%2 == 1 {
			return pencilPhoto{x: -b.Min.X*k - k/2, y: (pencilH - 28*k) / 2, grad: 20, vig: 0.2, dark: 0.2} // on the left edge
		}
		return pencilPhoto{x: (pencilW - 28*k) / 2, y: pencilH - b.Max.Y*k + k/2, grad: 20, vig: 0.2, dark: 0.2} // the foot on the bottom edge
	})
	t.Logf("%d of %d read right", right, n)
	assert.GreaterOrEqual(t, right, n-3)
}

// pencilPhoto is where a digit is drawn in a pencilW×pencilH photo (the top
// left corner of its 28×28 box, enlarged) and the photo's light
// (pageInUnevenLight's grad and vig), and how much darker than its paper
// the pencil is.
type pencilPhoto struct {
	x, y            int
	grad, vig, dark float64
}

// The size of pencilDigitsRead's photos.
const pencilW, pencilH = 640, 480

// pencilDigitsRead is how many of n MNIST test digits, the first and then
// every step-th, Prepare reads right as dark ink, each drawn k times its
// size in a photo as at says (from its number among the n and its ink's
// box in 28×28).
func pencilDigitsRead(t *testing.T, first, step, n, k int, at func(i int, box image.Rectangle) pencilPhoto) int {
	test, reads := testSet(t), digitReader(t)
	right := 0
	for i := range n {
		j := first + step*i
		digit := test.Image(nil, j)
		p := at(i, boxOver(digit, 28, 28, 0.5))
		pen := penOf(digit, pencilW, pencilH, image.Rect(p.x, p.y, p.x+28*k, p.y+28*k))
		in, info, err := Prepare(pageInUnevenLight(pencilW, pencilH, p.grad, p.vig, pen, p.dark))
		if err == nil && info.Inverted && reads(in) == int(test.Labels[j]) {
			right++
		}
	}
	return right
}

// What the second look over a photo's bands finds passes for a hidden
// digit only if it is of strokes, does not lie on an edge and is of a
// digit's size (hiddenDigit), in a picture of 400×300.
func TestHiddenDigit(t *testing.T) {
	for _, c := range []struct {
		name string
		p    piece
		want bool
	}{
		{"a digit touching the bottom edge", piece{box: image.Rect(100, 240, 140, 300), edge: [4]int{0, 0, 0, 8}, pixels: 600, rim: 200}, true},
		{"a vignette's corner: a blob", piece{box: image.Rect(340, 240, 400, 300), edge: [4]int{0, 0, 40, 40}, pixels: 2800, rim: 150}, false},
		{"a wedge along the left edge", piece{box: image.Rect(0, 100, 20, 200), edge: [4]int{95, 0, 0, 0}, pixels: 1000, rim: 220}, false},
		{"a speck", piece{box: image.Rect(50, 50, 58, 70), pixels: 40, rim: 50}, false},
		{"the band down a whole side", piece{box: image.Rect(0, 5, 30, 295), edge: [4]int{100, 0, 0, 0}, pixels: 3000, rim: 600}, false},
	} {
		assert.Equal(t, c.want, hiddenDigit(c.p, 400, 300), c.name)
	}
}

// A plain sheet's photo, its sensor noise alone (uniform, ±5 to ±20 grey
// levels), has no digit in it: the strongest clump of its blurred noise
// is no ink. At most one in ten of these may yet show one (at a seed
// threshold of 4 noise spreads, a third did: a speck read as a 7 at 88 %).
func TestPlainPaperIsNoDigit(t *testing.T) {
	found, n := 0, 0
	for seed := range 6 {
		r := rand.New(rand.NewPCG(uint64(seed), 9))
		for _, size := range []image.Point{{400, 300}, {300, 400}, {640, 480}} {
			for _, amp := range []int{5, 10, 20} {
				img := image.NewGray(image.Rect(0, 0, size.X, size.Y))
				for i := range img.Pix {
					img.Pix[i] = uint8(230 + r.IntN(2*amp+1) - amp)
				}
				n++
				if _, info, err := Prepare(img); err == nil {
					found++
					t.Logf("seed %d, %v, ±%d: found %v", seed, size, amp, info.Bounds)
				}
			}
		}
	}
	assert.LessOrEqual(t, found, n/10, "digits found in %d of %d noise pages", found, n)
}

// croppedToInk is an MNIST digit written dark on paper and cropped to its
// ink (over 0.1), its longer side side pixels.
func croppedToInk(digit []float32, side int) *image.Gray {
	b := boxOver(digit, 28, 28, 0.1)
	r := image.Rect(0, 0, side, side*b.Dy()/b.Dx())
	if b.Dy() > b.Dx() {
		r = image.Rect(0, 0, side*b.Dx()/b.Dy(), side)
	}
	crop := image.NewGray(r)
	xdraw.BiLinear.Scale(crop, r, photoWith(digit, 28, 28, image.Rect(0, 0, 28, 28)), b, xdraw.Src, nil)
	return crop
}

// A digit's stroke along an edge is not a band at the border: a 7 drawn on
// the pad (280 px) with its bar at the top, and MNIST digits cropped to
// their ink at 200 px (zeros among them: TestZeroCroppedToItsInk), are
// found and read.
func TestDigitAlongAnEdge(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	seven := image.NewGray(image.Rect(0, 0, 280, 280))
	for y := range 280 {
		for x := range 280 {
			// a bar 22 px high from the top, and a stem from its right end
			px, py := float64(x), float64(y)
			ax, ay, bx, by := 230.0, 13.0, 120.0, 270.0
			s := math.Max(0, math.Min(1, ((px-ax)*(bx-ax)+(py-ay)*(by-ay))/((bx-ax)*(bx-ax)+(by-ay)*(by-ay))))
			if y >= 2 && y < 24 && x >= 40 && x < 240 || math.Hypot(px-(ax+s*(bx-ax)), py-(ay+s*(by-ay))) < 11 {
				seven.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	in, _, err := Prepare(seven)
	require.NoError(t, err)
	assert.Equal(t, 7, reads(in), "the 7 drawn with its bar at the top")

	right := 0
	for i := range 30 {
		in, _, err := Prepare(croppedToInk(test.Image(nil, i), 200))
		require.NoError(t, err, "test digit %d, a %d, cropped to its ink", i, test.Labels[i])
		if reads(in) == int(test.Labels[i]) {
			right++
		}
	}
	t.Logf("MNIST digits cropped to their ink at 200 px: %d of 30 read right", right)
	assert.GreaterOrEqual(t, right, 25)
}

// TestZeroCroppedToItsInk: a 0 cropped to its ink is a ring along the
// four edges, with its hole and the corners as the background: about half
// of the picture is ink, so the noise is measured from differences
// between pixels, not from the spread of their values (which took the ink
// for noise and found nothing: 12 of these 30 read right, 17 refused).
// Where the ring runs along an edge the background's estimate still takes
// some of it (its window is cut there), so a few read as 3, 5 or 6.
func TestZeroCroppedToItsInk(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, sigma := range []float64{0, 0.25} {
		right, n := 0, 0
		for i := 0; n < 30; i++ {
			if test.Labels[i] != 0 {
				continue
			}
			n++
			crop := croppedToInk(test.Image(nil, i), 200)
			rng := rand.New(rand.NewPCG(1, uint64(i)))
			for k, v := range crop.Pix {
				crop.Pix[k] = uint8(max(0, min(255, float64(v)+255*sigma*rng.NormFloat64())))
			}
			in, _, err := Prepare(crop)
			require.NoError(t, err, "test digit %d, a 0, cropped to its ink, noise %.2f", i, sigma)
			if reads(in) == 0 {
				right++
			}
		}
		t.Logf("noise %.2f: %d of the first 30 zeros cropped to their ink at 200 px read right", sigma, right)
		assert.GreaterOrEqual(t, right, 22)
	}
}

// thumbPhoto is a 1200×900 photo of paper with an MNIST digit written in
// the middle, 5 times MNIST's size, and a thumb (a shaded skin-coloured
// ellipse with a soft edge) coming in from the edge or a corner.
func thumbPhoto(digit []float32, r *rand.Rand, skin float64) *image.RGBA {
	const w, h = 1200, 900
	k := 4 + r.IntN(3)
	x0, y0 := 450+r.IntN(150), 300+r.IntN(150)
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	// the thumb's centre on or beyond an edge or corner, away from the digit
	var cx, cy float64
	switch r.IntN(4) {
	case 0:
		cx, cy = w+20*r.Float64(), h*(0.2+0.6*r.Float64())
	case 1:
		cx, cy = w*(0.75+0.25*r.Float64()), h+20*r.Float64()
	case 2:
		cx, cy = w-30*r.Float64(), h-30*r.Float64()
	default:
		cx, cy = -20*r.Float64(), h*(0.3+0.6*r.Float64())
	}
	ax, ay := 130+60*r.Float64(), 180+60*r.Float64()
	ang := r.Float64() * math.Pi
	sin, cos := math.Sincos(ang)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			light := 1 - 0.15*float64(x)/w
			paper := [3]float64{235 * light, 232 * light, 225 * light}
			v := float64(pen.Pix[y*w+x]) / 255
			var c [3]float64
			for i, ink := range [3]float64{25, 30, 60} {
				c[i] = paper[i]*(1-v) + ink*v
			}
			dx, dy := float64(x)-cx, float64(y)-cy
			u, t := (dx*cos+dy*sin)/ax, (-dx*sin+dy*cos)/ay
			d := math.Sqrt(u*u + t*t) // 1 on the thumb's outline
			if cover := math.Max(0, math.Min(1, (1.04-d)/0.08)); cover > 0 {
				shade := skin * (0.75 + 0.25*math.Max(0, 1-d*d))
				for i, s := range [3]float64{220, 170, 140} {
					c[i] = c[i]*(1-cover) + s*shade*cover
				}
			}
			img.SetRGBA(x, y, color.RGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 255})
		}
	}
	return img
}

// A thumb holding the paper, coming in from its edge or a corner, far
// heavier in ink than the digit: the digit is found and read, not the thumb
// (2 of 12 such read right at each skin tone before: the thumb was taken).
func TestThumbHoldingThePaper(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 8
	for _, skin := range []float64{1, 0.45} {
		right := 0
		for i := range n {
			digit := test.Image(nil, i)
			in, _, err := Prepare(thumbPhoto(digit, rand.New(rand.NewPCG(3, uint64(i))), skin))
			if err == nil && reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("skin tone %.2f: %d of %d read right", skin, right, n)
		assert.GreaterOrEqual(t, right, n-1)
	}
}

// A photo of light paper taken in dim light, the paper darker than
// mid-grey: the ink is the side the picture's extremes reach far, not the
// one the paper's grey alone would say (2 of these 40 were read right
// before, the paper's holes and edges taken for light ink).
// And light chalk on a dark board, the digit too small for the extremes,
// stays light on dark.
func TestDimPhoto(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, c := range []struct {
		light, noise float64
		want         int
	}{{0.5, 2, 9}, {0.5, 12, 9}, {0.3, 2, 9}, {0.3, 12, 8}} {
		right := 0
		for i := range 10 {
			r := rand.New(rand.NewPCG(7, uint64(i)))
			k := 4 + i%4
			x0, y0 := 100+r.IntN(250), 50+r.IntN(150)
			img := photoWith(test.Image(nil, i), 600, 450, image.Rect(x0, y0, x0+28*k, y0+28*k))
			for j, v := range img.Pix {
				img.Pix[j] = uint8(max(0, min(255, float64(v)*c.light+c.noise*r.NormFloat64())))
			}
			in, info, err := Prepare(img)
			if err == nil && info.Inverted && reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("light ×%.1f, noise %.0f: %d of 10 read right", c.light, c.noise, right)
		assert.GreaterOrEqual(t, right, c.want, "light ×%.1f, noise %.0f", c.light, c.noise)
	}
	right := 0
	for i := range 6 {
		r := rand.New(rand.NewPCG(9, uint64(i)))
		x0, y0 := 240+r.IntN(720), 160+r.IntN(560)
		img := photoWith(test.Image(nil, i), 1600, 1200, image.Rect(x0, y0, x0+96, y0+96))
		for j, v := range img.Pix {
			img.Pix[j] = uint8(max(0, min(255, 25+0.72*float64(255-v)+2*r.NormFloat64())))
		}
		in, info, err := Prepare(img)
		if err == nil && !info.Inverted && reads(in) == int(test.Labels[i]) {
			right++
		}
	}
	t.Logf("chalk 96 px on a dark board in 1600×1200: %d of 6 read right", right)
	assert.GreaterOrEqual(t, right, 5)
}

// buttonShot is a screenshot: an MNIST digit written dark, 4 times its
// size, on a light grey page at 800×600, and gap pixels under it a blue
// button of 130×40 with white "text", which holds more ink than the digit.
func buttonShot(digit []float32, r *rand.Rand, gap int) *image.RGBA {
	const w, h, k = 800, 600, 4
	x0, y0 := 300+r.IntN(100), 150+r.IntN(60)
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bx, by := x0+r.IntN(40)-10, y0+28*k+gap
	for y := range h {
		for x := range w {
			v := float64(pen.Pix[y*w+x]) / 255
			c := [3]float64{243*(1-v) + 20*v, 243*(1-v) + 20*v, 243*(1-v) + 20*v}
			if x >= bx && x < bx+130 && y >= by && y < by+40 {
				c = [3]float64{0, 120, 215}
				// white "text" bars in the button
				if y >= by+15 && y < by+26 && (x-bx-25)%12 < 7 && x > bx+25 && x < bx+105 {
					c = [3]float64{255, 255, 255}
				}
			}
			img.SetRGBA(x, y, color.RGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 255})
		}
	}
	return img
}

// A button beside the digit in a screenshot is not the digit, nor a piece
// of it (2 and 1 of 20 such were read right, the button taken with the
// digit or alone).
func TestScreenshotWithAButton(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, gap := range []int{35, 150} {
		right := 0
		for i := range 10 {
			in, _, err := Prepare(buttonShot(test.Image(nil, i), rand.New(rand.NewPCG(11, uint64(i))), gap))
			if err == nil && reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("the button %d px under the digit: %d of 10 read right", gap, right)
		assert.GreaterOrEqual(t, right, 9)
	}
}

// lampLit is an MNIST digit written in dark blue ink, 5 times MNIST's
// size, in the middle of a w×h photo of paper lit by a lamp above it: the
// light falls off from the middle to 54 % 0.6 h away, and stays so beyond,
// so that most of the border is darker than mid-grey; with a sensor's
// noise (seeded by seed).
func lampLit(digit []float32, w, h int, seed uint64) *image.RGBA {
	const k = 5
	x0, y0 := w/2-14*k, h/2-14*k
	pen := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	r := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			light := 1 - 0.46*math.Pow(math.Min(1, math.Hypot(float64(x-w/2), float64(y-h/2))/(0.6*float64(h))), 1.5)
			v := float64(pen.Pix[y*w+x]) / 255
			var px [3]uint8
			for i, c := range [3]float64{233, 229, 218} {
				ink := [3]float64{37, 58, 138}[i]
				p := (c*(1-v)+ink*v)*light + 12*r.NormFloat64()
				px[i] = uint8(math.Max(0, math.Min(255, p)))
			}
			img.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	return img
}

// A photo lit in the middle and falling off to darker than mid-grey at its
// border (a lamp, a phone's vignetting): the border's grey level says
// "dark paper", and the lit paper in the middle then stood out as light
// "ink" with the digit as a hole in it (read as a 0 at 98 %, a first-time
// user's find). Most of the picture, lighter than mid-grey, shows it is
// paper (paperIsLight). Before, some of these were taken for light ink on
// dark paper, one for no digit at all (of 30 such photos, 26 read right).
func TestLampLitPhoto(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 16
	right := 0
	for i := range n {
		digit := test.Image(nil, i)
		in, info, err := Prepare(lampLit(digit, 640, 480, uint64(i)))
		require.NoError(t, err, "digit %d", i)
		assert.True(t, info.Inverted, "digit %d: dark ink on light paper", i)
		if reads(in) == reads(digit) {
			right++
		}
	}
	t.Logf("%d of %d read right", right, n)
	assert.GreaterOrEqual(t, right, n-1)
}

// A pale pencil's digit in a photo whose corners get 55 % of its middle's
// light, 8 % darker than its paper, is found in the middle (0 of these 16
// were read), and one 20 % darker in a photo whose corners get 70 %,
// near a corner (8 of 16): the band of lighting that the background's
// estimate left along the borders (up to 29 grey levels at a corner) stood
// out more than the digit.
func TestPaleDigitInAVignette(t *testing.T) {
	const n, k = 16, 5
	middle := pencilDigitsRead(t, 3000, 37, n, k, func(int, image.Rectangle) pencilPhoto {
		return pencilPhoto{x: (pencilW - 28*k) / 2, y: (pencilH - 28*k) / 2, vig: 0.45, dark: 0.08}
	})
	corner := pencilDigitsRead(t, 3000, 37, n, k, func(_ int, b image.Rectangle) pencilPhoto {
		return pencilPhoto{x: pencilW - b.Max.X*k - 20, y: -b.Min.Y*k + 20, vig: 0.3, dark: 0.2} // 20 pixels from the top right corner
	})
	t.Logf("read right: %d of %d in the middle, %d near a corner", middle, n, corner)
	assert.GreaterOrEqual(t, middle, n-2)
	assert.GreaterOrEqual(t, corner, n-4)
}
