package webapp

import (
	"errors"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
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
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", pic, nil)
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

	s.TooSmallBox()
	assert.Equal(t, smallBox, s.State().Message, "a slip on the picture")
	assert.Same(t, u, s.State().Upload)

	for _, c := range []struct {
		box  [4]float64
		want string
	}{
		{[4]float64{0.6, 0, 0.62, 0.05}, smallBox},
		{[4]float64{0, 0, 0.1, 0.15}, "the box chosen: " + digitprep.ErrBlank.Error()},
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
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", pic, nil)
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
	s.FinishUpload(s.StartUpload("narrow.png"), "narrow.png", "blob:2", narrow, nil)
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
	src, pic := smallDigitPhoto()
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("big.png"), "big.png", "blob:1", pic, nil)
	u := s.State().Upload
	z, ok := u.Zoom(2000, 1500)
	require.True(t, ok, "15 pixels is small: %v", u.Info.Bounds)
	decoded := sourcePart(src, z)

	other := z
	other.url = "blob:other"
	s.StartZoom()
	assert.True(t, s.State().Refining, "the reading may change soon")
	s.FinishZoom(other, decoded, nil)
	assert.Same(t, u, s.State().Upload, "another upload's part changes nothing")
	assert.False(t, s.State().Refining, "the finer look is over, whatever came of it")
	s.StartZoom()
	s.FinishZoom(z, nil, errors.New("the browser could not decode it"))
	assert.Same(t, u, s.State().Upload, "a failed decode changes nothing")
	assert.False(t, s.State().Refining)

	s.StartZoom()
	s.FinishZoom(z, decoded, nil)
	assert.False(t, s.State().Refining)
	zoomed := s.State().Upload
	_, ok = zoomed.Zoom(2000, 1500)
	assert.False(t, ok, "once is enough")
	s.FinishZoom(z, decoded, nil)
	assert.Same(t, zoomed, s.State().Upload, "a second look at the same part changes nothing")
	want, _, ok := digitprep.Refine(decoded, u.Info, z.Left, z.Top, z.Right, z.Bottom)
	require.True(t, ok)
	assert.Equal(t, want, zoomed.Input, "the finer input")
	assert.Greater(t, meanDiff(u.Input, want), 0.01, "not the coarse one")
	assert.Equal(t, want, s.State().Result.Input, "and shown")
	found, _ := zoomed.Found()
	coarse, _ := u.Found()
	assert.InDelta(t, coarse.Left, found.Left, 1, "found in the same place, finer: %+v, %+v", coarse, found)
	assert.InDelta(t, coarse.Top, found.Top, 1)

	// Back to the whole picture after a part: the finer input, not the
	// coarse one again.
	s.ChoosePart(0, 0, 0.75, 0.75)
	require.Empty(t, s.State().Message)
	s.WholePicture()
	assert.Equal(t, want, s.State().Upload.Input, "the whole picture as refined")
	_, ok = s.State().Upload.Zoom(2000, 1500)
	assert.False(t, ok, "and not decoded again")
	s.ChoosePart(0, 0, 1, 1)
	assert.Equal(t, want, s.State().Upload.Input, "a box around all of it is the whole picture")
}

// A part chosen around a small digit in a large photo is decoded again at
// a finer scale too, within the part; and a finer look at the whole
// picture that ends after a part was chosen is kept for when the whole
// picture is taken again.
func TestZoomOfAChosenPart(t *testing.T) {
	src, pic := smallDigitPhoto()
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("big.png"), "big.png", "blob:1", pic, nil)
	first := s.State().Upload
	whole, ok := first.Zoom(2000, 1500)
	require.True(t, ok)

	// The digit is at 1,000–1,060 × 700–760 of the source: a box from 800
	// to 1,300 across and 500 to 1,000 down.
	s.ChoosePart(0.4, 1.0/3, 0.65, 2.0/3)
	require.Empty(t, s.State().Message)
	u := s.State().Upload
	z, ok := u.Zoom(2000, 1500)
	require.True(t, ok, "the digit is small in the part as the picture has it: %v of %v", u.Info.Bounds, u.Part)
	assert.GreaterOrEqual(t, z.Left, 0.4-1.0/512)
	assert.LessOrEqual(t, z.Right, 0.65+1.0/512)
	assert.GreaterOrEqual(t, z.Top, 1.0/3-1.0/384)
	assert.LessOrEqual(t, z.Bottom, 2.0/3+1.0/384)
	assert.True(t, z.Left < 0.5 && z.Right > 0.53 && z.Top < 700.0/1500 && z.Bottom > 760.0/1500, "around the bar: %+v", z)

	s.FinishZoom(whole, sourcePart(src, whole), nil)
	assert.Equal(t, u.Input, s.State().Upload.Input, "the whole picture's finer look does not replace the part's input")

	decoded := sourcePart(src, z)
	s.FinishZoom(z, decoded, nil)
	want, _, ok := digitprep.Refine(decoded, u.Info, z.inPart[0], z.inPart[1], z.inPart[2], z.inPart[3])
	require.True(t, ok)
	assert.Equal(t, want, s.State().Upload.Input, "the part's finer input")
	assert.Greater(t, meanDiff(u.Input, want), 0.01, "not the coarse one")

	s.WholePicture()
	wantWhole, _, ok := digitprep.Refine(sourcePart(src, whole), first.Info, whole.Left, whole.Top, whole.Right, whole.Bottom)
	require.True(t, ok)
	assert.Equal(t, wantWhole, s.State().Upload.Input, "the whole picture's finer look, which ended while the part was shown")
}

// smallDigitPhoto is a 2,000×1,500 source with a gallery digit (an 8) 60
// pixels high at 1,000–1,060 × 700–760, and the picture the page decodes of
// it (512×384), where the digit is 15 pixels.
func smallDigitPhoto() (src *image.Gray, pic *image.Gray) {
	digit := image.NewGray(image.Rect(0, 0, Side, Side))
	i := slices.IndexFunc(Samples(), func(s Sample) bool { return s.Label == 8 })
	for j, v := range Samples()[i].Pixels {
		digit.Pix[j] = uint8(255 * v)
	}
	src = image.NewGray(image.Rect(0, 0, 2000, 1500))
	xdraw.BiLinear.Scale(src, image.Rect(1000, 700, 1060, 760), digit, digit.Rect, xdraw.Src, nil)
	pw, ph := digitprep.WorkSize(2000, 1500)
	pic = image.NewGray(image.Rect(0, 0, pw, ph))
	xdraw.BiLinear.Scale(pic, pic.Rect, src, src.Rect, xdraw.Src, nil)
	return src, pic
}

// sourcePart is the part of src that z names, as the page decodes it.
func sourcePart(src *image.Gray, z Zoom) image.Image {
	return src.SubImage(digitprep.PartOf(src.Rect, z.Left, z.Top, z.Right, z.Bottom))
}

// meanDiff is the mean absolute difference of two inputs.
func meanDiff(a, b []float32) float64 {
	d := 0.0
	for i := range a {
		d += math.Abs(float64(a[i] - b[i]))
	}
	return d / float64(len(a))
}

// A picture in which preparation finds no digit (here a blot with more ink
// than the digit beside it, taken for the digit and refused as a dot; a
// blot wider than a third of the picture would be background)
// stays, with a note that asks for a box around the digit; a box around
// it takes it, and the whole picture again has no digit again.
func TestUploadWithNoDigitFoundStays(t *testing.T) {
	pic := image.NewGray(image.Rect(0, 0, 200, 100))
	for y := range 100 {
		for x := range 200 {
			if math.Hypot(float64(x-50), float64(y-50)) < 13 || x >= 150 && x < 155 && y >= 20 && y < 80 {
				pic.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	_, info, err := digitprep.Prepare(pic)
	require.ErrorIs(t, err, digitprep.ErrDot, "the blot is taken, and is a dot: %+v", info)

	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("blot.png"), "blot.png", "blob:1", pic, nil)
	st := s.State()
	require.NotNil(t, st.Upload, "the picture stays")
	assert.Equal(t, ModeUpload, st.Mode)
	assert.ErrorIs(t, st.Upload.NoDigit, digitprep.ErrDot)
	assert.Nil(t, st.Upload.Input)
	assert.Nil(t, st.Result, "nothing to denoise")
	assert.Equal(t, "blot.png: "+digitprep.ErrDot.Error()+"; if there is one, drag a box around it on the picture", st.Message)
	assert.True(t, st.Finding(), "a finding, not an error")
	_, ok := st.Upload.Found()
	assert.False(t, ok, "no digit found, no box")
	_, ok = st.Upload.Zoom(200, 100)
	assert.False(t, ok, "the file holds no more than the picture")
	_, ok = st.Upload.Zoom(2000, 1000)
	assert.True(t, ok, "a dot in a picture of a larger file: a finer look may find a digit")

	s.SetWalkEnd("A")
	assert.Equal(t, "There is no digit to take the code of: no digit was found in the picture; drag a box around it first.", s.State().Walk.Note)
	s.SetMode(ModeGallery)
	assert.Empty(t, s.State().Message, "the note is the upload tab's")
	s.SetMode(ModeUpload)
	assert.Contains(t, s.State().Message, "drag a box", "and comes back with it")
	assert.True(t, s.ChoosePart(0.1, 0.2, 0.4, 0.8), "a box around the blot is taken: a finer look from the file may find a digit there")
	assert.ErrorIs(t, s.State().Upload.NoDigit, digitprep.ErrDot, "none found in the picture")
	assert.True(t, strings.HasPrefix(s.State().Message, "In your box on blot.png: "+digitprep.ErrDot.Error()), "said of the box, not the file: %s", s.State().Message)
	assert.False(t, s.ChoosePart(0.4, 0.1, 0.7, 0.9), "a box around nothing is not taken")
	assert.Contains(t, s.State().Message, "the box chosen: "+digitprep.ErrBlank.Error())
	refused, ok := s.State().Refused()
	require.True(t, ok, "the box refused is shown while the page says why")
	assertMark(t, s.State().Upload.Shown(0.4, 0.1, 0.7, 0.9), refused, "where it was drawn")
	st = s.State()
	refined := *st.Upload // a finer look at the part (FinishZoom) replaces the upload with its copy
	st.Upload = &refined
	_, ok = st.Refused()
	assert.True(t, ok, "kept through a finer look at the same part")
	s.TooSmallBox()
	_, ok = s.State().Refused()
	assert.False(t, ok, "gone once the page says something else")
	assert.False(t, s.ChoosePart(0.4, 0.1, 0.7, 0.9))
	_, ok = s.State().Refused()
	assert.True(t, ok, "refused again")

	assert.True(t, s.ChoosePart(0.7, 0.1, 0.85, 0.9), "a box around the bar")
	_, ok = s.State().Refused()
	assert.False(t, ok, "a box taken: the one refused goes")
	st = s.State()
	require.Empty(t, st.Message)
	require.NotNil(t, st.Result, "the digit in the box is denoised")
	assert.Nil(t, st.Upload.NoDigit)
	found, ok := st.Upload.Found()
	require.True(t, ok)
	assertMark(t, st.Upload.Shown(150.0/200, 20.0/100, 155.0/200, 80.0/100), found, "the bar found")

	s.WholePicture()
	st = s.State()
	assert.ErrorIs(t, st.Upload.NoDigit, digitprep.ErrDot)
	assert.Nil(t, st.Result)
	assert.Contains(t, st.Message, "drag a box")

	// A file that cannot be read is still refused, and the picture stays.
	s.FinishUpload(s.StartUpload("notes.txt"), "notes.txt", "", nil, digitprep.ErrNotImage)
	assert.Equal(t, "blob:1", s.State().Upload.URL)
	assert.Equal(t, "notes.txt: "+digitprep.ErrNotImage.Error(), s.State().UploadMessage, "said beside the picker")
	assert.True(t, s.State().Finding(), "what was found in the picture still shown is still said")
}

// A digit so small in a large photo that the picture shows a dot or ink
// too small to read: the picture stays, the part around that ink is
// looked at again, finer, and the digit found there taken.
func TestTooSmallDigitIsLookedAtAgain(t *testing.T) {
	for _, sample := range Samples() {
		digit := image.NewGray(image.Rect(0, 0, Side, Side))
		for j, v := range sample.Pixels {
			digit.Pix[j] = uint8(255 * v)
		}
		src := image.NewGray(image.Rect(0, 0, 4000, 3000))
		xdraw.BiLinear.Scale(src, image.Rect(2000, 1500, 2060, 1560), digit, digit.Rect, xdraw.Src, nil)
		pw, ph := digitprep.WorkSize(4000, 3000)
		pic := image.NewGray(image.Rect(0, 0, pw, ph))
		xdraw.BiLinear.Scale(pic, pic.Rect, src, src.Rect, xdraw.Src, nil)
		if _, _, err := digitprep.Prepare(pic); !digitprep.TooSmall(err) {
			continue // found, or not at all: not the case
		}
		s, _ := loadedStore(t)
		s.FinishUpload(s.StartUpload("tiny.png"), "tiny.png", "blob:1", pic, nil)
		u := s.State().Upload
		require.True(t, digitprep.TooSmall(u.NoDigit), "%v", u.NoDigit)
		require.Contains(t, s.State().Message, "drag a box")
		z, ok := u.Zoom(4000, 3000)
		require.True(t, ok, "where the ink was: %v", u.Info.Bounds)
		s.FinishZoom(z, sourcePart(src, z), nil)
		st := s.State()
		assert.Nil(t, st.Upload.NoDigit, "a digit found, finer")
		assert.NotNil(t, st.Upload.Input)
		assert.NotNil(t, st.Result, "and denoised")
		assert.Empty(t, st.Message, "the note is gone")
		s.ChoosePart(0, 0, 0.5, 0.5)
		s.WholePicture()
		assert.Equal(t, st.Upload.Input, s.State().Upload.Input, "the whole picture as refined, again")

		// A box around it is taken, and looked at again, finer, within
		// the box.
		s.FinishUpload(s.StartUpload("tiny.png"), "tiny.png", "blob:2", pic, nil)
		require.True(t, s.ChoosePart(0.45, 0.45, 0.56, 0.56))
		u = s.State().Upload
		z, ok = u.Zoom(4000, 3000)
		require.True(t, ok)
		s.FinishZoom(z, sourcePart(src, z), nil)
		assert.Nil(t, s.State().Upload.NoDigit, "a digit found in the box, finer")
		assert.NotNil(t, s.State().Result)

		// So is a box that is smaller in the picture than a digit can be
		// prepared from (8×8 pixels, 62×62 of the file's), and one too
		// small in the file is not.
		s.FinishUpload(s.StartUpload("tiny.png"), "tiny.png", "blob:3", pic, nil)
		assert.False(t, s.ChoosePartIn("", 4000, 3000, 1995.0/4000, 1495.0/3000, 2002.0/4000, 1502.0/3000), "7×7 pixels of the file")
		assert.Equal(t, smallBox, s.State().Message)
		require.True(t, s.ChoosePartIn("", 4000, 3000, 1999.0/4000, 1499.0/3000, 2061.0/4000, 1561.0/3000), s.State().Message)
		u = s.State().Upload
		require.Less(t, u.Part.Dx(), digitprep.MinSide, "the case: %v", u.Part)
		z, ok = u.Zoom(4000, 3000)
		require.True(t, ok)
		s.FinishZoom(z, sourcePart(src, z), nil)
		assert.Nil(t, s.State().Upload.NoDigit, "a digit found in the box, from the file")
		assert.NotNil(t, s.State().Result)
		return
	}
	t.Fatal("no gallery digit is a dot or too small at this size: the test needs another")
}

// A digit small in a large photo is shown enlarged too: a square around
// its box, within the picture; a digit that fills much of its picture is
// not.
func TestInset(t *testing.T) {
	_, pic := smallDigitPhoto()
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("big.png"), "big.png", "blob:1", pic, nil)
	u := s.State().Upload
	in, ok := u.Inset()
	require.True(t, ok, "a small digit: %v", u.Info.Bounds)
	b := pic.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	assert.InDelta(t, in.Width*w, in.Height*h, 1e-9, "square in the picture's pixels")
	l, tp, r, bt := u.inPicture(u.Info.Area())
	assert.True(t, in.Left <= l && in.Top <= tp && in.Left+in.Width >= r && in.Top+in.Height >= bt, "it holds the digit's box: %+v, box %v %v %v %v", in, l, tp, r, bt)
	assert.True(t, in.Left >= 0 && in.Top >= 0 && in.Left+in.Width <= 1 && in.Top+in.Height <= 1, "within the picture: %+v", in)

	// A box over the whole view is one the page takes, however small the
	// digit (40 pixels of a 2000×1500 photo, 10 of the picture looked at,
	// gave a view of 12×11 pixels of it, under minPart).
	digit := image.NewGray(image.Rect(0, 0, Side, Side))
	seven := slices.IndexFunc(Samples(), func(s Sample) bool { return s.Label == 7 })
	for j, v := range Samples()[seven].Pixels {
		digit.Pix[j] = uint8(255 * v)
	}
	tiny := image.NewGray(image.Rect(0, 0, 2000, 1500))
	xdraw.BiLinear.Scale(tiny, image.Rect(1000, 700, 1040, 740), digit, digit.Rect, xdraw.Src, nil)
	small := image.NewGray(image.Rect(0, 0, 512, 384))
	xdraw.BiLinear.Scale(small, small.Rect, tiny, tiny.Rect, xdraw.Src, nil)
	s.FinishUpload(s.StartUpload("tiny.png"), "tiny.png", "blob:3", small, nil)
	in, ok = s.State().Upload.Inset()
	require.True(t, ok, "%v %v", s.State().Upload.Info.Bounds, s.State().Upload.NoDigit)
	assert.GreaterOrEqual(t, in.Width*512, 2.0*minPart)
	assert.True(t, s.ChoosePart(in.Left, in.Top, in.Left+in.Width, in.Top+in.Height), "%s", s.State().Message)

	s.FinishUpload(s.StartUpload("one.png"), "one.png", "blob:2", digitImage(), nil)
	_, ok = s.State().Upload.Inset()
	assert.False(t, ok, "a digit that fills its picture")

	// A panorama, 16 times as wide as high, the digit filling its height:
	// shown whole in a square, it is a thin strip, too thin to box a digit
	// on (a first-time user's find); the digit is shown enlarged, in a
	// square nearly as high as the picture.
	strip := image.NewGray(image.Rect(0, 0, 512, 32))
	xdraw.BiLinear.Scale(strip, image.Rect(300, 2, 328, 30), digit, digit.Rect, xdraw.Src, nil)
	s.FinishUpload(s.StartUpload("strip.png"), "strip.png", "blob:4", strip, nil)
	in, ok = s.State().Upload.Inset()
	require.True(t, ok, "%v %v", s.State().Upload.Info.Bounds, s.State().Upload.NoDigit)
	t.Logf("strip: %+v", in)
	assert.InDelta(t, in.Width*512, in.Height*32, 1e-9, "a square")
	assert.GreaterOrEqual(t, in.Height, 0.75, "nearly as high as the picture")
	assert.True(t, in.Left*512 <= 300 && (in.Left+in.Width)*512 >= 328, "around the digit: %+v", in)
}

// A box that cuts through the digit found in the whole picture, its ink
// running to the box's edge, is said to (Cut); one round the whole digit,
// or tight round another, is not.
func TestCut(t *testing.T) {
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", twoDigits(), nil)
	assert.False(t, s.State().Upload.Cut(), "the whole picture")
	for _, c := range []struct {
		box [4]float64
		cut bool
	}{
		{[4]float64{0, 0, 0.5, 0.5}, true},        // the thick bar's top half
		{[4]float64{0, 0.3, 1, 1}, true},          // its lower part, and the thin bar
		{[4]float64{0, 0, 0.4, 1}, false},         // round all of it
		{[4]float64{0.7, 0.28, 0.8, 0.72}, false}, // tight round the thin bar
	} {
		require.True(t, s.ChoosePart(c.box[0], c.box[1], c.box[2], c.box[3]), "%v: %s", c.box, s.State().Message)
		u := s.State().Upload
		assert.Equal(t, c.cut, u.Cut(), "%v", c.box)
	}
}

// keptOnGallery is a store on the gallery that has read again "kept.png",
// an upload kept from before a reload.
func keptOnGallery(t *testing.T) *Store {
	s, _ := loadedStore(t)
	s.SetMode(ModeGallery)
	kept, ok := s.StartKeptUpload("kept.png")
	require.True(t, ok)
	s.FinishUpload(kept, "kept.png", "blob:1", twoDigits(), nil)
	return s
}

// An upload kept from before a reload, read again, is the upload (the
// upload tab shows it), but the tab the address named stays in front,
// whether it is taken or refused; an upload the person gives is brought
// forward.
func TestKeptUploadStaysOnItsTab(t *testing.T) {
	s := keptOnGallery(t)
	st := s.State()
	require.NotNil(t, st.Upload)
	assert.Equal(t, "kept.png", st.Upload.Name)
	assert.Equal(t, ModeGallery, st.Mode, "taken")
	_, ok := s.StartKeptUpload("again.png")
	assert.False(t, ok, "once an upload was begun, a kept one is not read")

	s, _ = loadedStore(t)
	s.SetMode(ModeGallery)
	kept, ok := s.StartKeptUpload("bad.png")
	require.True(t, ok)
	s.FinishUpload(kept, "bad.png", "", nil, errors.New("damaged"))
	st = s.State()
	assert.Equal(t, ModeGallery, st.Mode, "refused")
	assert.Contains(t, st.UploadMessage, "bad.png: damaged")
	s.FinishUpload(s.StartUpload("given.png"), "given.png", "blob:2", twoDigits(), nil)
	assert.Equal(t, ModeUpload, s.State().Mode, "given")

	s, _ = loadedStore(t)
	given := s.StartUpload("given.png")
	_, ok = s.StartKeptUpload("kept.png")
	assert.False(t, ok, "an upload given while the page opened is the person's latest")
	s.FinishUpload(given, "given.png", "blob:3", twoDigits(), nil)
	assert.Equal(t, "given.png", s.State().Upload.Name)
}

// The box kept with an upload read back after a reload is taken as that
// upload is, with the tab the address named left in front (it brought
// the upload tab forward, and a reload on the gallery came back on the
// upload tab); a box refused then is said on the upload tab only. A box
// the person chooses brings the upload tab forward.
func TestKeptBoxStaysOnItsTab(t *testing.T) {
	s := keptOnGallery(t)
	require.True(t, s.RestorePartIn("blob:1", 0, 0, 0.6, 0, 1, 1))
	st := s.State()
	assert.Equal(t, ModeGallery, st.Mode, "a box")
	_, ok := st.Upload.Chosen()
	assert.True(t, ok, "the box is taken")
	assert.Empty(t, st.Message)
	assert.Equal(t, ModeGallery, st.Link().Mode, "the address names the gallery")
	s.RestorePartIn("blob:1", 0, 0, 0, 0, 1, 1)
	_, ok = s.State().Upload.Chosen()
	assert.False(t, ok, "the whole picture")
	assert.Equal(t, ModeGallery, s.State().Mode, "the whole picture")
	assert.False(t, s.RestorePartIn("blob:1", 0, 0, 0.4, 0, 0.6, 1), "a part with no ink")
	assert.Empty(t, s.State().Message, "not said on the gallery")
	assert.Equal(t, ModeGallery, s.State().Mode)

	s.SetMode(ModeUpload)
	assert.False(t, s.RestorePartIn("blob:1", 0, 0, 0.4, 0, 0.6, 1))
	assert.Contains(t, s.State().Message, "the box chosen", "said on the upload tab")
	s.SetMode(ModeGallery)
	require.True(t, s.ChoosePartIn("blob:1", 0, 0, 0.6, 0, 1, 1))
	assert.Equal(t, ModeUpload, s.State().Mode, "a box the person chose")
}

// A file the page was reading when it was reloaded is said not to be read,
// on the upload tab, without bringing it forward, beside the upload kept
// before it; not once the person has given an upload.
func TestUnread(t *testing.T) {
	s := keptOnGallery(t)
	assert.True(t, s.Unread("next.png", errors.New("not read")))
	st := s.State()
	assert.Equal(t, "next.png: not read", st.UploadMessage)
	assert.Equal(t, "kept.png", st.Upload.Name, "the upload kept is still shown")
	assert.Equal(t, ModeGallery, st.Mode, "the tab the address named stays in front")
	s.FinishUpload(s.StartUpload("given.png"), "given.png", "blob:2", twoDigits(), nil)
	assert.Empty(t, s.State().UploadMessage, "gone with the next upload")

	s, _ = loadedStore(t)
	given := s.StartUpload("given.png")
	assert.False(t, s.Unread("next.png", errors.New("not read")), "while an upload given is read")
	s.FinishUpload(given, "given.png", "blob:3", twoDigits(), nil)
	assert.False(t, s.Unread("next.png", errors.New("not read")), "once an upload was given")
	assert.Empty(t, s.State().UploadMessage)

	s, _ = loadedStore(t)
	assert.True(t, s.Unread("next.png", errors.New("not read")))
	assert.Equal(t, "next.png: not read", s.State().UploadMessage, "with no upload kept")
}

// ReadingGiven names the latest upload given still under way, not one kept
// from before a reload: the page marks it for a reload.
func TestReadingGiven(t *testing.T) {
	s, _ := loadedStore(t)
	kept, ok := s.StartKeptUpload("kept.png")
	require.True(t, ok)
	assert.Empty(t, s.ReadingGiven(), "a kept upload")
	a := s.StartUpload("a.png")
	b := s.StartUpload("b.png")
	assert.Equal(t, "b.png", s.ReadingGiven())
	s.FinishUpload(b, "b.png", "", nil, errors.New("refused"))
	assert.Equal(t, "a.png", s.ReadingGiven(), "b refused, a still read")
	s.FinishUpload(a, "a.png", "blob:1", twoDigits(), nil)
	assert.Empty(t, s.ReadingGiven(), "the kept one is still read, but not given")
	s.FinishUpload(kept, "kept.png", "blob:2", twoDigits(), nil)
	assert.Empty(t, s.ReadingGiven())
}

// gatedPreparer prepares as digitprep does, once its gate is opened, and
// says on started when it is asked.
type gatedPreparer struct {
	Here
	started chan struct{}
	gate    chan struct{}
}

func (g gatedPreparer) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	g.started <- struct{}{}
	<-g.gate
	return g.Here.Prepare(img)
}

// While a box chosen on an upload is prepared, the state says so, and no
// longer once it is taken, refused, or given up for the whole picture.
func TestChoosing(t *testing.T) {
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", twoDigits(), nil)
	require.NotNil(t, s.State().Upload)
	assert.False(t, s.State().Choosing)
	g := gatedPreparer{started: make(chan struct{}), gate: make(chan struct{})}
	s.PrepareWith(g)
	choose := func(l, t, r, b float64) chan bool {
		taken := make(chan bool)
		go func() { taken <- s.ChoosePartIn("blob:1", 0, 0, l, t, r, b) }()
		<-g.started
		return taken
	}
	taken := choose(0, 0, 0.5, 1)
	assert.True(t, s.State().Choosing, "while the box is prepared")
	g.gate <- struct{}{}
	assert.True(t, <-taken)
	assert.False(t, s.State().Choosing, "taken")

	taken = choose(0.5, 0, 1, 1)
	s.WholePicture()
	assert.False(t, s.State().Choosing, "the whole picture taken meanwhile")
	g.gate <- struct{}{}
	assert.False(t, <-taken)
	assert.False(t, s.State().Choosing)

	// Meanwhile another box is chosen and refused (too small): the box
	// before it is not taken after it.
	taken = choose(0.5, 0, 1, 1)
	assert.False(t, s.ChoosePartIn("blob:1", 0, 0, 0.5, 0.5, 0.501, 0.501))
	assert.NotEmpty(t, s.State().Message, "too small")
	assert.False(t, s.State().Choosing, "refused")
	g.gate <- struct{}{}
	assert.False(t, <-taken, "the box before it is not taken after it")
	assert.False(t, s.State().Choosing)
}
