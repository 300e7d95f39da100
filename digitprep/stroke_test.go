package digitprep

import (
	"image"
	"math"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
)

// minStroke and midStroke are the 5th percentile and the median of the
// stroke widths of MNIST's test digits, at the scale of the 20-pixel box.
func TestStrokeWidthsOfMNIST(t *testing.T) {
	test := testSet(t)
	var widths []float64
	for i := 0; i < test.Len(); i++ {
		d := test.Image(nil, i)
		var box image.Rectangle
		for y := 0; y < Side; y++ {
			for x := 0; x < Side; x++ {
				if d[y*Side+x] > 0.5 {
					box = box.Union(image.Rect(x, y, x+1, y+1))
				}
			}
		}
		widths = append(widths, strokeWidth(d, Side, box)/(float64(max(box.Dx(), box.Dy()))/Box))
	}
	sort.Float64s(widths)
	lo, mid, hi := widths[len(widths)/20], widths[len(widths)/2], widths[len(widths)*19/20]
	t.Logf("MNIST stroke widths at the 20-pixel scale: 5%% %.2f, median %.2f, 95%% %.2f", lo, mid, hi)
	assert.InDelta(t, lo, minStroke, 0.1)
	assert.InDelta(t, mid, midStroke, 0.1)
}

// A hairline is thickened and a thick stroke thinned, towards MNIST's
// widths; a stroke within them is left alone.
func TestNormaliseStroke(t *testing.T) {
	const w, h = 200, 200
	bar := func(width int) ink {
		t := ink{v: make([]float32, w*h), w: w, h: h}
		for y := 20; y < 180; y++ {
			for x := 100 - width/2; x < 100-width/2+width; x++ {
				t.v[y*w+x] = 1
			}
		}
		t.box = image.Rect(100-width/2, 20, 100-width/2+width, 180)
		return t
	}
	width := func(t ink) float64 {
		return strokeWidth(t.v, w, t.box) / (float64(max(t.box.Dx(), t.box.Dy())) / Box)
	}
	for _, c := range []struct {
		px   int
		want func(float64) bool
	}{
		{2, func(s float64) bool { return s >= minStroke-0.3 }},              // 0.25 px at the box's scale
		{16, func(s float64) bool { return s == 16*2*160/(2*(16+160.0))/8 }}, // 1.8 px: left alone
		{24, func(s float64) bool { return math.Abs(s-midStroke) < 0.3 }},    // 2.6 px
		{70, func(s float64) bool { return math.Abs(s-midStroke) < 0.3 }},    // 6.1 px
	} {
		before := bar(c.px)
		after := normaliseStroke(before)
		t.Logf("%d px: %.2f → %.2f at the box's scale", c.px, width(before), width(after))
		assert.True(t, c.want(width(after)), "%d px: %.2f", c.px, width(after))
	}
}

// A bold digit's hairline (a 6-pixel line beside a 70-pixel stem: 0.75 and
// 8.75 px at the box's scale) stays while the stem is thinned.
func TestNormaliseStrokeKeepsHairlines(t *testing.T) {
	const w, h = 200, 200
	tk := ink{v: make([]float32, w*h), w: w, h: h}
	for y := 20; y < 180; y++ {
		for x := 20; x < 90; x++ {
			tk.v[y*w+x] = 1
		}
		for x := 150; x < 156; x++ {
			tk.v[y*w+x] = 1
		}
	}
	tk.box = image.Rect(20, 20, 156, 180)
	after := normaliseStroke(tk)
	stem := 0
	for x := 0; x < 100; x++ {
		if after.v[100*w+x] > 0.5 {
			stem++
		}
	}
	t.Logf("the stem: 70 → %d pixels", stem)
	assert.Less(t, stem, 70-2*8, "the stem is thinned")
	for x := 150; x < 156; x++ {
		assert.Greater(t, after.v[100*w+x], float32(0.5), "the hairline at x=%d", x)
	}
}
