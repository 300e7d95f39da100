package webapp

import (
	"errors"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"

	"github.com/godae/dae/digitprep"
)

// twoDigits is a 200×100 picture with two light bars on black: a long
// thick one on the left, which preparation takes for the digit, and a
// short thin one on the right, too far from it to be taken with it.
func twoDigits() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	bar := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	bar(20, 10, 34, 90)
	bar(150, 30, 156, 70)
	return img
}

func TestChoosePart(t *testing.T) {
	s, _ := loadedStore(t)
	pic := twoDigits()
	s.FinishUpload(s.StartUpload(), "two.png", "blob:1", pic, nil)
	u := s.State().Upload
	require.NotNil(t, u)
	found, ok := u.Found()
	require.True(t, ok)
	assertMark(t, shown(200, 100, 20.0/200, 10.0/100, 34.0/200, 90.0/100), found, "the thick bar is taken")
	_, ok = u.Chosen()
	assert.False(t, ok)

	s.ChoosePart(0.6, 0, 1, 1)
	st := s.State()
	require.Empty(t, st.Message)
	u = st.Upload
	assert.Equal(t, image.Rect(120, 0, 200, 100), u.Part)
	want, _, err := digitprep.Prepare(pic.SubImage(u.Part))
	require.NoError(t, err)
	assert.Equal(t, want, u.Input, "the part, prepared")
	assert.Equal(t, want, st.Result.Input, "and shown")
	found, ok = u.Found()
	require.True(t, ok)
	assertMark(t, shown(200, 100, 150.0/200, 30.0/100, 156.0/200, 70.0/100), found, "the thin bar is found in it")
	chosen, ok := u.Chosen()
	require.True(t, ok)
	assertMark(t, shown(200, 100, 0.6, 0, 1, 1), chosen, "the part")

	for _, c := range []struct {
		box  [4]float64
		want string
	}{
		{[4]float64{0.6, 0, 0.62, 0.05}, "the box is 4×5 pixels of the picture; draw one at least 12×12 around the digit"},
		{[4]float64{0, 0, 0.1, 0.15}, "the box drawn: " + digitprep.ErrBlank.Error()},
		{[4]float64{math.NaN(), 0, 1, 1}, "the box NaN, 0.00 to 1.00, 1.00 is not a part of the picture"},
		{[4]float64{0.5, 0, 0.4, 1}, "the box 0.50, 0.00 to 0.40, 1.00 is not a part of the picture"},
		{[4]float64{0, 0, 1.5, 1}, "the box 0.00, 0.00 to 1.50, 1.00 is not a part of the picture"},
	} {
		s.ChoosePart(c.box[0], c.box[1], c.box[2], c.box[3])
		assert.Equal(t, c.want, s.State().Message)
		assert.Same(t, u, s.State().Upload, "%v: the upload is as it was", c.box)
	}

	s.WholePicture()
	st = s.State()
	assert.Empty(t, st.Message)
	assert.Equal(t, pic.Rect, st.Upload.Part)
	_, ok = st.Upload.Chosen()
	assert.False(t, ok, "the whole picture again")
	found, _ = st.Upload.Found()
	assertMark(t, shown(200, 100, 20.0/200, 10.0/100, 34.0/200, 90.0/100), found, "the thick bar again")
}

// A part of exactly 28×28 pixels is a part of a picture, not an MNIST
// digit: the digit is looked for in it.
func TestChosenPartOfMNISTSize(t *testing.T) {
	s, _ := loadedStore(t)
	s.ChoosePart(0, 0, 1, 1)
	assert.Equal(t, "upload a picture first", s.State().Message)
	pic := twoDigits()
	s.FinishUpload(s.StartUpload(), "two.png", "blob:1", pic, nil)
	s.ChoosePart(140.0/200, 36.0/100, 168.0/200, 64.0/100)
	u := s.State().Upload
	assert.Equal(t, image.Rect(140, 36, 169, 64), u.Part, "widened by a pixel")
	assert.Equal(t, 29, u.Info.Width, "prepared as a picture, not as an MNIST digit")

	// A picture 28 pixels wide: the part is made a pixel taller instead.
	narrow := image.NewGray(image.Rect(0, 0, 28, 100))
	for y := 20; y < 40; y++ {
		for x := 12; x < 15; x++ {
			narrow.Pix[y*narrow.Stride+x] = 255
		}
	}
	s.FinishUpload(s.StartUpload(), "narrow.png", "blob:2", narrow, nil)
	s.ChoosePart(0, 0.1, 1, 0.38)
	u = s.State().Upload
	require.Empty(t, s.State().Message)
	assert.Equal(t, image.Rect(0, 10, 28, 39), u.Part, "a pixel taller, within the picture")
	assert.Equal(t, []int{28, 29}, []int{u.Info.Width, u.Info.Height}, "prepared as a picture")
}

// A small digit in a large photo: the store prepares the part around it,
// decoded again at a finer scale, in place of the coarse input, as
// digitprep.Prepare does natively; late or unneeded parts change nothing.
func TestFinishZoom(t *testing.T) {
	// The source: 2,000×1,500, a 60-pixel bar; the page decodes it at
	// 512×384 (the picture), where the bar is 15 pixels.
	src := image.NewGray(image.Rect(0, 0, 2000, 1500))
	for y := 700; y < 760; y++ {
		for x := 1000; x < 1012; x++ {
			src.Pix[y*src.Stride+x] = 255
		}
	}
	pw, ph := digitprep.WorkSize(2000, 1500)
	pic := image.NewGray(image.Rect(0, 0, pw, ph))
	xdraw.BiLinear.Scale(pic, pic.Rect, src, src.Rect, xdraw.Src, nil)

	s, _ := loadedStore(t)
	tk := s.StartUpload()
	s.FinishUpload(tk, "big.png", "blob:1", pic, nil)
	u := s.State().Upload
	l, tp, r, b, ok := u.ZoomArea(2000, 1500)
	require.True(t, ok, "15 pixels is small: %v", u.Info.Bounds)
	part := image.Rect(int(l*2000), int(tp*1500), int(math.Ceil(r*2000)), int(math.Ceil(b*1500)))
	decoded := src.SubImage(part)

	s.FinishZoom(tk, "blob:other", l, tp, r, b, decoded, nil)
	assert.Same(t, u, s.State().Upload, "another upload's part changes nothing")
	s.FinishZoom(tk, "blob:1", l, tp, r, b, nil, errors.New("the browser could not decode it"))
	assert.Same(t, u, s.State().Upload, "a failed decode changes nothing")

	s.FinishZoom(tk, "blob:1", l, tp, r, b, decoded, nil)
	z := s.State().Upload
	want, _, ok := digitprep.Refine(decoded, u.Info, l, tp, r, b)
	require.True(t, ok)
	assert.Equal(t, want, z.Input, "the finer input")
	assert.Equal(t, want, s.State().Result.Input, "and shown")
	found, _ := z.Found()
	coarse, _ := u.Found()
	assert.InDelta(t, coarse.Left, found.Left, 1, "found in the same place, finer: %+v, %+v", coarse, found)
	assert.InDelta(t, coarse.Top, found.Top, 1)
	_, _, _, _, ok = s.State().Upload.ZoomArea(2000, 1500)
	assert.True(t, ok, "still small in the picture: the page would not decode twice, as it asks once")

	s.ChoosePart(0, 0, 0.5, 0.5)
	_, _, _, _, ok = s.State().Upload.ZoomArea(2000, 1500)
	assert.False(t, ok, "a part chosen is not looked at again")
}
