package digitprep

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"path/filepath"
	"slices"
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
		want  []error // any of them
	}{
		{dash, "plain", []error{ErrLine}}, {dash, "squared", []error{ErrLine}}, {make([]float32, 28*28), "ruled", []error{ErrLine}},
		// Its dark lines were ErrDot, blurred together into a block, while
		// pieces within half the ink's size were taken with it; within a
		// quarter (digitMask), one line is taken, unless the page's light,
		// which falls off towards its bottom and right edges in a line, is
		// carried on to them (toBorders), as it just is along the right
		// edge (its rise there is at minRise, along just over half of it):
		// then five lines are taken together, a block.
		{make([]float32, 28*28), "ruled in grey", []error{ErrLine, ErrDot}},
	} {
		_, info, err := Prepare(notebook(c.digit, c.paper))
		assert.True(t, slices.ContainsFunc(c.want, func(want error) bool { return errors.Is(err, want) }), "%s paper: %v, found %v", c.paper, err, info.Bounds)
		assert.True(t, NoDigit(err), "the page keeps the picture, to box a digit on")
	}
}

// underlined is a digit written 100 px high in a 1000×600 photo, a
// dark line long pixels long under it.
func underlined(digit []float32, long int) *image.Gray {
	img := photoWith(digit, 1000, 600, image.Rect(450, 200, 550, 300))
	for y := 305; y < 311; y++ {
		for x := 500 - long/2; x < 500+long/2; x++ {
			img.Pix[y*1000+x] = 30
		}
	}
	return img
}

// A digit with a long line under it is found without its line
// (dropMarks), dark on light, and read; or, rarely, refused as a line,
// which is refused only once the side is chosen, so that the paper between
// the line and the digit is not taken for light ink (13 of 20 were, read as
// 2s, 5s and 6s, when the line was refused on the first side looked at).
// Before the line was dropped, 10 and 17 of the 20 were refused.
func TestUnderlinedDigit(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	for _, long := range []int{300, 600} {
		lines, right := 0, 0
		for i := range 20 {
			in, info, err := Prepare(underlined(test.Image(nil, i), long))
			if errors.Is(err, ErrLine) {
				lines++
				continue
			}
			require.NoError(t, err, "digit %d, line %d px", i, long)
			assert.True(t, info.Inverted, "digit %d, line %d px: dark ink on light, found at %v", i, long, info.Bounds)
			if reads(in) == int(test.Labels[i]) {
				right++
			}
		}
		t.Logf("a line of %d px under the digit: %d of 20 refused as a line, %d read right", long, lines, right)
		assert.LessOrEqual(t, lines, 2, "line of %d px", long)
		assert.GreaterOrEqual(t, right, 17, "line of %d px", long)
	}
}

// Digits written together, touching, are found with the note that there
// may be several, or refused as too wide for one digit: never taken as one
// digit squeezed into the 20-pixel box with nothing said. (Not so of
// three narrow ones under twice as wide as high: the first three test
// digits, 7, 2 and 1, are 1.86 times; one MNIST digit in a thousand is
// wider than 1.8 times.)
func TestDigitsWrittenTogether(t *testing.T) {
	test := testSet(t)
	for _, n := range []int{4, 5} {
		for i := range 20 {
			img := image.NewGray(image.Rect(0, 0, 1200, 400))
			for j := range img.Pix {
				img.Pix[j] = 235
			}
			for k := range n {
				digit := photoWith(test.Image(nil, n*i+k), 100, 100, image.Rect(0, 0, 100, 100))
				for y := range 100 {
					for x := range 100 {
						o := (150+y)*1200 + 100 + 60*k + x // 60 px apart: the digits' ink touches
						img.Pix[o] = min(img.Pix[o], digit.Pix[y*100+x])
					}
				}
			}
			_, info, err := Prepare(img)
			if err != nil {
				assert.ErrorIs(t, err, ErrLine, "%d digits from %d", n, n*i)
				continue
			}
			assert.True(t, info.Several, "%d digits from %d found as one, at %v", n, n*i, info.Bounds)
		}
	}
}

// Two digits written close, 100 px high and 60 px apart as
// TestDigitsWrittenTogether writes them, are said to be perhaps several
// (Info.Several) or refused as too wide, for most pairs; a digit alone is
// not said to be several. Before parted, 27 of these 50 pairs were said
// to be several and the others were taken as one digit with nothing said.
func TestTwoDigitsWrittenClose(t *testing.T) {
	test := testSet(t)
	said, alone := 0, 0
	for i := range 50 {
		img := image.NewGray(image.Rect(0, 0, 1200, 400))
		for j := range img.Pix {
			img.Pix[j] = 235
		}
		for k := range 2 {
			digit := photoWith(test.Image(nil, 2*i+k), 100, 100, image.Rect(0, 0, 100, 100))
			for y := range 100 {
				for x := range 100 {
					o := (150+y)*1200 + 100 + 60*k + x
					img.Pix[o] = min(img.Pix[o], digit.Pix[y*100+x])
				}
			}
		}
		if _, info, err := Prepare(img); errors.Is(err, ErrLine) || err == nil && info.Several {
			said++
		}
		if _, info, err := Prepare(photoWith(test.Image(nil, i), 400, 300, image.Rect(150, 100, 250, 200))); err == nil && info.Several {
			alone++
		}
	}
	t.Logf("of 50 pairs written close, %d said to be several; of 50 digits alone, %d", said, alone)
	assert.GreaterOrEqual(t, said, 35)
	assert.LessOrEqual(t, alone, 1)
}

// Lines of sums printed one above the other, close (a worksheet's column,
// whose lines the detection's blur joins), are said to be perhaps several
// digits (stacked) or refused, never taken as one digit with nothing said
// (a tablet user's worksheet was read as a 5 at 99 %).
func TestLinesOfDigits(t *testing.T) {
	sums := []string{"3+4=7", "12-5=7", "6+2=8", "9-1=8"}
	for _, font := range []string{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"} {
		for _, gap := range []int{10, 20} {
			page := image.NewGray(image.Rect(0, 0, 500, 400))
			draw.Draw(page, page.Rect, image.NewUniform(color.Gray{235}), image.Point{}, draw.Src)
			y := 60
			for _, s := range sums {
				line := glyph(t, font, s, 40, 0)
				draw.Draw(page, line.Rect.Add(image.Pt(150, y)), line, image.Point{}, draw.Src)
				y += line.Rect.Dy() + gap
			}
			_, info, err := Prepare(page)
			what := fmt.Sprintf("%s, lines %d px apart", filepath.Base(font), gap)
			if err == nil {
				assert.True(t, info.Several, "%s: found as one digit at %v, with nothing said", what, info.Bounds)
			} else {
				assert.True(t, NoDigit(err), "%s: %v", what, err)
			}
		}
	}
}
