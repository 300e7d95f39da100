package digitprep

import (
	"fmt"
	"image"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"
)

// notebook is an MNIST digit written with a dark pen on a 400×400 page of
// a notebook: plain, ruled or squared in light blue every 40 pixels (lines
// 3 pixels wide), or ruled in dark grey, lit a little unevenly. The digit
// is drawn 8 times as large as MNIST's, its top left corner at (88, 88).
func notebook(digit []float32, paper string) *image.RGBA {
	const side, k, at, every = 400, 8, 88, 40
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[i] = uint8(255 * v)
	}
	pen := image.NewGray(image.Rect(0, 0, side, side))
	xdraw.BiLinear.Scale(pen, image.Rect(at, at, at+28*k, at+28*k), small, small.Bounds(), xdraw.Src, nil)
	page := image.NewRGBA(image.Rect(0, 0, side, side))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			light := 1 - 0.1*float64(x+y)/(2*side)
			c := [3]float64{245, 245, 240}
			line := paper != "plain" && y%every < 3 || paper == "squared" && x%every < 3
			if line {
				c = [3]float64{150, 180, 230}
				if paper == "ruled in grey" {
					c = [3]float64{110, 110, 120}
				}
			}
			v := float64(pen.Pix[y*side+x]) / 255
			ink := [3]float64{30, 30, 45}
			o := page.PixOffset(x, y)
			for i := range 3 {
				page.Pix[o+i] = uint8(light * (c[i]*(1-v) + ink[i]*v))
			}
			page.Pix[o+3] = 255
		}
	}
	return page
}

// Digits written on notebook paper are found without the page's lines:
// the digit's box as on plain paper, the prepared input as MNIST's, read
// as the digit written.
func TestNotebookPaper(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	const n = 10
	for _, paper := range []string{"plain", "ruled", "squared", "ruled in grey"} {
		right := 0
		for i := range n {
			digit := test.Image(nil, i)
			what := fmt.Sprintf("test digit %d on %s paper", i, paper)
			in, info, err := Prepare(notebook(digit, paper))
			require.NoError(t, err, what)
			assert.Empty(t, looksLikeMNIST(in), what)
			ink := boxOver(digit, 28, 28, 0.5)
			want := image.Rect(88+8*ink.Min.X, 88+8*ink.Min.Y, 88+8*ink.Max.X, 88+8*ink.Max.Y)
			for _, d := range []int{info.Bounds.Min.X - want.Min.X, info.Bounds.Min.Y - want.Min.Y, info.Bounds.Max.X - want.Max.X, info.Bounds.Max.Y - want.Max.Y} {
				assert.LessOrEqual(t, abs(d), 8, "%s: the digit found at %v, not its box %v within one MNIST pixel", what, info.Bounds, want)
			}
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("%s paper: %d of %d read right", paper, right, n)
		assert.GreaterOrEqual(t, right, n-1, "%s paper", paper)
	}
}

// Ink that is a line far wider than high is no digit (ErrLine): a dash
// written on a page, and the blank pages of a notebook, whose lines were
// scaled into the 20-pixel box and read as a 2 or a 7. A digit on the
// same pages is still found (TestNotebookPaper).
func TestALineIsNoDigit(t *testing.T) {
	dash := make([]float32, 28*28)
	for y := 13; y < 15; y++ {
		for x := 6; x < 22; x++ {
			dash[y*28+x] = 1
		}
	}
	for _, c := range []struct {
		digit []float32
		paper string
		want  error
	}{
		{dash, "plain", ErrLine}, {dash, "squared", ErrLine}, {make([]float32, 28*28), "ruled", ErrLine},
		{make([]float32, 28*28), "ruled in grey", ErrDot}, // its dark lines, blurred together at the detection's scale, fill their box
	} {
		_, info, err := Prepare(notebook(c.digit, c.paper))
		assert.ErrorIs(t, err, c.want, "%s paper: found %v", c.paper, info.Bounds)
		assert.True(t, NoDigit(err), "the page keeps the picture, to box a digit on")
	}
}
