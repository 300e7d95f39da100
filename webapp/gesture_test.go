package webapp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A press released elsewhere is a drag, whose box is from the press to
// the release; released within TapSlop screen pixels it is a tap; a box
// too small is a slip, and one begun on a picture another has replaced is
// not taken.
func TestBoxGesture(t *testing.T) {
	type box struct {
		l, t, r, b float64
		end        BoxEnd
	}
	const w, h = 168, 84 // a 2:1 picture on the screen
	release := func(x0, y0, x1, y1 float64, at, upTo string) box {
		var g BoxGesture
		g.Start(x0, y0, at, false, 0)
		assert.True(t, g.Down())
		l, tp, r, b, e := g.End(x1, y1, upTo, w, h)
		assert.False(t, g.Down())
		return box{l, tp, r, b, e}
	}
	assert.Equal(t, box{0.2, 0.1, 0.6, 0.5, BoxTaken}, release(0.6, 0.5, 0.2, 0.1, "a", "a"), "dragged up and left")
	assert.Equal(t, BoxSmall, release(0.5, 0.5, 0.51, 0.8, "a", "a").end, "a sliver")
	assert.Equal(t, BoxGone, release(0.1, 0.1, 0.9, 0.9, "a", "b").end, "another upload came meanwhile")
	assert.Equal(t, box{0.53, 0.52, 0.53, 0.52, BoxTap}, release(0.5, 0.5, 0.53, 0.52, "a", "a"), "a finger moved 5 px by 1.7 as it lifted: a tap, where it lifted")
	assert.Equal(t, BoxSmall, release(0.5, 0.5, 0.56, 0.5, "a", "a").end, "10 px is a slip, not a tap")
	assert.Equal(t, BoxSmall, release(0.5, 0.5, 0.5, 0.6, "a", "a").end, "8.4 px down, on the picture's shorter side")
}

// A finger that goes up or down the picture in a thin line is a swipe,
// which scrolls the page as far as it went, and is no box (it was one too
// small: a slip, and the page stayed); a mouse's such line is a slip
// still, and a finger's drag across, a box.
func TestSwipe(t *testing.T) {
	const w, h = 156, 156 // the picture on a phone
	var g BoxGesture
	g.Start(0.5, 0.7, "a", true, 600)
	assert.False(t, g.Swiping(0.5, 0.6, w, h), "15 px: not yet")
	assert.True(t, g.Swiping(0.51, 0.5, w, h), "31 px up, 1.6 across")
	assert.Equal(t, 40.0, g.Scroll(560), "the page scrolls down as far as the finger went up")
	assert.Equal(t, -10.0, g.Scroll(570))
	assert.True(t, g.Swiping(0.9, 0.5, w, h), "a swipe stays one")
	_, _, _, _, end := g.End(0.9, 0.5, "a", w, h)
	assert.Equal(t, BoxSwipe, end)

	g.Start(0.5, 0.7, "a", false, 600)
	assert.False(t, g.Swiping(0.51, 0.3, w, h), "a mouse does not swipe")
	_, _, _, _, end = g.End(0.51, 0.3, "a", w, h)
	assert.Equal(t, BoxSmall, end)

	g.Start(0.2, 0.2, "a", true, 600)
	assert.False(t, g.Swiping(0.4, 0.6, w, h), "a finger's box, 31 px across")
	_, _, _, _, end = g.End(0.4, 0.6, "a", w, h)
	assert.Equal(t, BoxTaken, end)
	g.Start(0.2, 0.2, "a", true, 600)
	g.Cancel()
	assert.False(t, g.Swiping(0.2, 0.6, w, h), "no press, no swipe")
}

// A tap marks a corner; a second on the same surface takes the box between
// the two, or says it is too small; the corner goes with any change to
// the upload shown, and a corner on the picture is not one on its enlarged
// part.
func TestTapCorner(t *testing.T) {
	s, _ := loadedStore(t)
	_, _, _, _, take := s.TapCorner(OnPicture, 0.6, 0.1, Inset{})
	assert.False(t, take, "no upload, no corner")
	assert.Nil(t, s.State().Corner)

	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:1", twoDigits(), nil)
	s.TooSmallBox()
	require.NotEmpty(t, s.State().Message)
	_, _, _, _, take = s.TapCorner(OnPicture, 0.6, 0.1, Inset{})
	assert.False(t, take)
	st := s.State()
	assert.Empty(t, st.Message, "the last slip's message goes")
	c, ok := st.PendingCorner(OnPicture, Inset{})
	require.True(t, ok)
	assert.Equal(t, [2]float64{0.6, 0.1}, [2]float64{c.X, c.Y})
	_, ok = st.PendingCorner(OnInset, Inset{})
	assert.False(t, ok, "not a corner of the enlarged part")

	l, tp, r, b, take := s.TapCorner(OnPicture, 0.95, 0.9, Inset{})
	assert.True(t, take, "the second corner")
	assert.Equal(t, [4]float64{0.6, 0.1, 0.95, 0.9}, [4]float64{l, tp, r, b})
	_, ok = s.State().PendingCorner(OnPicture, Inset{})
	assert.False(t, ok, "used")

	// Too near: said, and the corner goes.
	s.TapCorner(OnPicture, 0.6, 0.1, Inset{})
	_, _, _, _, take = s.TapCorner(OnPicture, 0.61, 0.5, Inset{})
	assert.False(t, take)
	assert.Equal(t, smallBox, s.State().Message)
	_, ok = s.State().PendingCorner(OnPicture, Inset{})
	assert.False(t, ok)

	// A tap on the other surface, or on the part moved, is a first corner.
	view := Inset{Left: 0.5, Top: 0.2, Width: 0.3, Height: 0.6}
	s.TapCorner(OnPicture, 0.6, 0.1, Inset{})
	_, _, _, _, take = s.TapCorner(OnInset, 0.9, 0.9, view)
	assert.False(t, take)
	_, ok = s.State().PendingCorner(OnPicture, Inset{})
	assert.False(t, ok, "one corner at a time")
	_, ok = s.State().PendingCorner(OnInset, Inset{Left: 0.4, Top: 0.2, Width: 0.3, Height: 0.6})
	assert.False(t, ok, "the part shown moved")
	_, ok = s.State().PendingCorner(OnInset, view)
	assert.True(t, ok)

	// Any change to the upload shown drops it: a box chosen otherwise (the
	// keyboard's), the whole picture again, another upload.
	for _, change := range []func(){
		func() { s.ChoosePart(0.6, 0, 1, 1) },
		func() { s.WholePicture() },
		func() { s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:2", twoDigits(), nil) },
		func() { s.DropCorner() },
		func() { s.SetMode(ModeGallery); s.SetMode(ModeUpload) },
	} {
		s.TapCorner(OnPicture, 0.6, 0.1, Inset{})
		_, ok = s.State().PendingCorner(OnPicture, Inset{})
		require.True(t, ok)
		change()
		_, ok = s.State().PendingCorner(OnPicture, Inset{})
		assert.False(t, ok)
	}
}
