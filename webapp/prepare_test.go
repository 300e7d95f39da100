package webapp

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
)

// asked is what a worker answers (ServePrep) to req about img, as the page
// reads it.
func asked(t *testing.T, img image.Image, req PrepRequest) PrepAnswer {
	t.Helper()
	pix, w, h := RGBA(img)
	q, err := req.JSON()
	require.NoError(t, err)
	out, input, err := ServePrep(pix, w, h, q)
	require.NoError(t, err)
	a, err := ReadAnswer(out, input, req.Coarse != nil)
	require.NoError(t, err)
	return a
}

// paint is a w×h picture, light where light says so, black elsewhere.
func paint(w, h int, light func(x, y int) bool) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if light(x, y) {
				img.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	return img
}

// What a worker answers is what digitprep gives on the page's thread: the
// same input, the same Info, an error with the same text, and the same
// finding, which the page acts on (a note, a finer look).
func TestWorkerPreparesAsHere(t *testing.T) {
	pictures := map[string]image.Image{
		"digit":     twoDigits(),
		"blank":     image.NewGray(image.Rect(0, 0, 100, 80)),
		"dot":       paint(200, 100, func(x, y int) bool { return math.Hypot(float64(x-100), float64(y-50)) < 9 }),
		"line":      paint(200, 100, func(x, y int) bool { return x > 20 && x < 180 && y > 45 && y < 53 }),
		"too small": image.NewGray(image.Rect(0, 0, 10, 10)),
		"a part":    twoDigits().SubImage(image.Rect(120, 0, 200, 100)), // not at the origin, as a box's part
	}
	for name, img := range pictures {
		t.Run(name, func(t *testing.T) {
			wantIn, wantInfo, wantErr := Here{}.Prepare(img)
			in, info, err := asked(t, img, PrepRequest{}).Prepared()
			assert.Equal(t, wantIn, in)
			assert.Equal(t, wantInfo, info)
			if wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, wantErr.Error(), err.Error())
			for _, f := range []error{digitprep.ErrBlank, digitprep.ErrDot, digitprep.ErrLine, digitprep.ErrSmallDigit} {
				assert.Equal(t, errors.Is(wantErr, f), errors.Is(err, f), "is %v", f)
			}
			assert.Equal(t, digitprep.NoDigit(wantErr), digitprep.NoDigit(err))
		})
	}
	// The cases above find what they are named for.
	for name, f := range map[string]error{"blank": digitprep.ErrBlank, "dot": digitprep.ErrDot, "line": digitprep.ErrLine} {
		_, _, err := Here{}.Prepare(pictures[name])
		assert.ErrorIs(t, err, f, name)
	}

	// A finer look at a small digit, refined there as here.
	src, pic := smallDigitPhoto()
	_, coarse, err := Here{}.Prepare(pic)
	require.NoError(t, err)
	l, tp, r, b, ok := coarse.ZoomArea(2000, 1500)
	require.True(t, ok)
	part := src.SubImage(digitprep.PartOf(src.Rect, l, tp, r, b))
	pix, w, h := RGBA(part)
	wantIn, wantInfo, wantOK := Here{}.Refine(&image.NRGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}, coarse, l, tp, r, b)
	require.True(t, wantOK)
	a := asked(t, part, PrepRequest{Coarse: &coarse, Area: [4]float64{l, tp, r, b}})
	assert.True(t, a.Refined)
	assert.Equal(t, wantIn, a.Input)
	assert.Equal(t, wantInfo, a.Info)
}

// A worker takes only a picture whose bytes make its size, no larger than
// preparation works at, and a request it can read.
func TestServePrepRefuses(t *testing.T) {
	for _, c := range []struct {
		n, w, h int
		req     string
	}{
		{4*10*10 - 1, 10, 10, "{}"},
		{0, 0, 0, "{}"},
		{4 * 600 * 500, 600, 500, "{}"},
		{4 * 10 * 10, 10, 10, "{"},
		{0, 1 << 32, 1 << 32, "{}"}, // w*h overflows to 0
		{4 * 2, 1 << 31, 2, "{}"},
	} {
		_, _, err := ServePrep(make([]byte, c.n), c.w, c.h, c.req)
		assert.Error(t, err, "%+v", c)
	}
}

// during is a Preparer that runs its hook, once, while it prepares, as
// events happen on the page while a worker prepares, and counts its work.
type during struct {
	Here
	t                 *testing.T
	s                 *Store
	prepares, refines int
	hook              func()
}

func (d *during) happen() {
	// Preparing under the store's lock would make a hook that acts on the
	// store wait for ever: a failure, not a hang.
	require.True(d.t, d.s.mu.TryLock(), "prepared under the store's lock")
	d.s.mu.Unlock()
	if h := d.hook; h != nil {
		d.hook = nil
		h()
	}
}

func (d *during) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	d.prepares++
	d.happen()
	return d.Here.Prepare(img)
}

func (d *during) Refine(part image.Image, coarse digitprep.Info, l, t, r, b float64) ([]float32, digitprep.Info, bool) {
	d.refines++
	d.happen()
	return d.Here.Refine(part, coarse, l, t, r, b)
}

// The store prepares uploads, boxes drawn on them and finer looks with the
// Preparer given, outside its lock (the hooks act on the store); what
// changed while it prepared wins.
func TestStorePreparesWithItsPreparer(t *testing.T) {
	s, _ := loadedStore(t)
	p := &during{t: t, s: s}
	s.PrepareWith(p)
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", twoDigits(), nil)
	require.NotNil(t, s.State().Upload)
	assert.Equal(t, 1, p.prepares, "the upload")
	s.ChoosePart(0.6, 0, 1, 1)
	assert.Equal(t, 2, p.prepares, "and a box drawn on it")
	right := s.State().Upload
	require.NotEqual(t, right.Picture.Bounds(), right.Part)

	// A box drawn, or the whole picture taken again, while a box is
	// prepared: the later one is taken.
	p.hook = func() { assert.True(t, s.ChoosePart(0.6, 0, 1, 1), "the later box") }
	assert.False(t, s.ChoosePart(0, 0, 0.5, 1), "the earlier box")
	assert.Equal(t, right.Part, s.State().Upload.Part)
	p.hook = s.WholePicture
	assert.False(t, s.ChoosePart(0, 0, 0.5, 1))
	assert.Equal(t, right.Picture.Bounds(), s.State().Upload.Part, "the whole picture, taken after the box was drawn")
	// A box on a picture replaced while it is prepared is not taken on
	// the new one.
	p.hook = func() { s.FinishUpload(s.StartUpload("new.png"), "new.png", "blob:new", twoDigits(), nil) }
	assert.False(t, s.ChoosePart(0.6, 0, 1, 1))
	assert.Equal(t, "blob:new", s.State().Upload.URL)
	assert.Equal(t, right.Picture.Bounds(), s.State().Upload.Part)

	// A later file that passes its checks while an upload is prepared
	// supersedes it.
	first := s.State().Upload
	var later Ticket
	p.hook = func() { later = s.StartUpload("later.png"); s.PassedChecks(later) }
	s.FinishUpload(s.StartUpload("earlier.png"), "earlier.png", "blob:2", digitImage(), nil)
	assert.Same(t, first, s.State().Upload, "superseded while prepared")
	s.FinishUpload(later, "later.png", "blob:3", digitImage(), nil)
	assert.Equal(t, "later.png", s.State().Upload.Name)
	// One superseded before it is prepared is not prepared.
	old, newer := s.StartUpload("old.png"), s.StartUpload("newer.png")
	require.True(t, s.PassedChecks(newer))
	prepares := p.prepares
	s.FinishUpload(old, "old.png", "blob:old", digitImage(), nil)
	assert.Equal(t, prepares, p.prepares, "the superseded upload")
	s.FinishUpload(newer, "newer.png", "blob:newer", digitImage(), nil)
	assert.Equal(t, "newer.png", s.State().Upload.Name)

	// Another upload of the same size taken while a finer look at the
	// last one is refined: the finer look is not taken for it.
	src, pic := smallDigitPhoto()
	s.FinishUpload(s.StartUpload("big.png"), "big.png", "blob:4", pic, nil)
	z, ok := s.State().Upload.Zoom(2000, 1500)
	require.True(t, ok)
	p.hook = func() { s.FinishUpload(s.StartUpload("other.png"), "other.png", "blob:5", pic, nil) }
	s.FinishZoom(z, sourcePart(src, z), nil)
	u := s.State().Upload
	assert.Equal(t, "blob:5", u.URL)
	_, again := u.Zoom(2000, 1500)
	assert.True(t, again, "the new upload is not refined by the old one's look")
	assert.Equal(t, 1, p.refines)

	// A part chosen while the whole picture's finer look is refined: the
	// look is kept for the whole picture, the part stays.
	z, _ = u.Zoom(2000, 1500)
	p.hook = func() { s.ChoosePart(0.4, 1.0/3, 0.65, 2.0/3) }
	s.FinishZoom(z, sourcePart(src, z), nil)
	chosen := s.State().Upload
	require.NotEqual(t, chosen.Picture.Bounds(), chosen.Part)
	s.WholePicture()
	_, again = s.State().Upload.Zoom(2000, 1500)
	assert.False(t, again, "the whole picture was refined")

	// The whole picture's finer look, come while a box was prepared, is
	// kept with the part taken, for when the whole is taken again.
	s.FinishUpload(s.StartUpload("big2.png"), "big2.png", "blob:6", pic, nil)
	zw, ok := s.State().Upload.Zoom(2000, 1500)
	require.True(t, ok)
	p.hook = func() { s.FinishZoom(zw, sourcePart(src, zw), nil) }
	assert.True(t, s.ChoosePart(0.4, 1.0/3, 0.65, 2.0/3))
	s.WholePicture()
	_, again = s.State().Upload.Zoom(2000, 1500)
	assert.False(t, again, "refined while the box was prepared")
}

// An answer that cannot be digitprep's is found out, for the page to
// prepare the picture itself.
func TestPrepAnswerCheck(t *testing.T) {
	full := make([]float32, Side*Side)
	assert.Error(t, PrepAnswer{}.Check(false), "no error and no input")
	assert.Error(t, PrepAnswer{Input: full[:10]}.Check(false), "a short input")
	assert.NoError(t, PrepAnswer{Input: full}.Check(false))
	assert.NoError(t, PrepAnswer{Err: "no digit found", Finding: "blank"}.Check(false), "an error needs no input")
	assert.NoError(t, PrepAnswer{}.Check(true), "a finer look that refined nothing")
	assert.Error(t, PrepAnswer{Refined: true}.Check(true), "one refined with no input")
	for _, v := range []float32{float32(math.NaN()), -0.01, 1.01, float32(math.Inf(1))} {
		bad := append([]float32(nil), full...)
		bad[300] = v
		assert.ErrorContains(t, PrepAnswer{Input: bad}.Check(false), "input value 300 is", "%v", v)
	}
}

// An answer's input crosses as bytes: every float32 as it was, and bytes
// that are not a whole input are refused before any is read.
func TestReadAnswer(t *testing.T) {
	in := make([]float32, Side*Side)
	for i := range in {
		in[i] = float32(i) / 783
	}
	in[5] = float32(math.Nextafter32(0.5, 1))
	a, err := ReadAnswer(`{"Info":{"Width":60,"Height":40}}`, InputBytes(in), false)
	require.NoError(t, err)
	assert.Equal(t, in, a.Input, "bit for bit")
	assert.Equal(t, 60, a.Info.Width)

	for _, n := range []int{3, 4 * (Side*Side - 1), 4*Side*Side + 4} {
		_, err = ReadAnswer(`{}`, make([]byte, n), false)
		assert.ErrorContains(t, err, fmt.Sprintf("an answer with %d bytes of input, not 3136", n))
	}
	_, err = ReadAnswer(`{}`, nil, false)
	assert.ErrorContains(t, err, "an answer with 0 values of input, not 784", "no error and no input (Check)")
	_, err = ReadAnswer(`{"Err":"no digit found: nothing stands out of the background","Finding":"blank"}`, nil, false)
	assert.NoError(t, err, "a finding has no input")
	_, err = ReadAnswer(`not json`, nil, false)
	assert.Error(t, err)
}

// atEdgeAlways is a Preparer that says every digit runs into the edge of
// what it was given.
type atEdgeAlways struct{ Here }

func (atEdgeAlways) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	in, info, err := Here{}.Prepare(img)
	info.AtEdge = true
	return in, info, err
}

// A digit said to run into the picture's edge is said so of the whole
// picture, not of a box the person drew, whose edges are theirs; the
// whole picture taken again says it again.
func TestAtEdgeIsOfTheWholePicture(t *testing.T) {
	s, _ := loadedStore(t)
	s.PrepareWith(atEdgeAlways{})
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", twoDigits(), nil)
	require.NotNil(t, s.State().Upload)
	assert.True(t, s.State().Upload.Info.AtEdge)
	require.True(t, s.ChoosePart(0.6, 0, 1, 1))
	assert.False(t, s.State().Upload.Info.AtEdge, "a box the person drew")
	s.WholePicture()
	assert.True(t, s.State().Upload.Info.AtEdge, "the whole picture again")
}
