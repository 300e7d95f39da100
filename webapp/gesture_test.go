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
		g.Start(x0, y0, at, 1, false, 0, 0)
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

// A finger that goes up or down the picture (twice as far as across, or
// more) is a swipe, known once it has gone swipeLength on the screen, from
// where it was pressed, whatever the picture's edges: it scrolls the page
// as far as it went, is no box, and stays a swipe. One that goes across
// more is a box, and stays one; a mouse never swipes; the page's zoom
// counts the screen's pixels; a second finger is not the press's.
func TestSwipe(t *testing.T) {
	var g BoxGesture
	g.Start(0.5, 0.02, "a", 1, true, 100, 300) // near the picture's top, going up past it
	assert.False(t, g.Swiping(103, 285, 1), "15 px: not yet known")
	assert.True(t, g.Swiping(109, 276, 1), "24 px up, 9 across (a thumb's arc)")
	assert.Equal(t, 24.0, g.Scroll(276), "the page scrolls down as far as the finger went up")
	assert.Equal(t, -30.0, g.Scroll(306), "and back up")
	assert.True(t, g.Swiping(160, 300, 1), "a swipe stays one, wherever it goes")
	_, _, _, _, end := g.End(0.9, 0.02, "a", 156, 156)
	assert.Equal(t, BoxSwipe, end)
	assert.False(t, g.Swiping(109, 200, 1), "lifted: no swipe")

	g.Start(0.5, 0.5, "a", 1, true, 100, 300)
	assert.True(t, g.Swiping(100, 330, 1), "down too")

	g.Start(0.2, 0.2, "a", 1, true, 100, 300)
	assert.False(t, g.Swiping(130, 320, 1), "more across than twice up: a box")
	assert.False(t, g.Swiping(131, 400, 1), "and it stays one")
	_, _, _, _, end = g.End(0.4, 0.9, "a", 156, 156)
	assert.Equal(t, BoxTaken, end)

	g.Start(0.5, 0.2, "a", 1, false, 100, 300)
	assert.False(t, g.Swiping(100, 200, 1), "a mouse does not swipe")

	g.Start(0.5, 0.5, "a", 1, true, 100, 300)
	assert.False(t, g.Swiping(100, 292, 2), "8 CSS px at a zoom of 2: 16 of the screen's, not yet")
	assert.True(t, g.Swiping(100, 288, 2), "12: 24 of the screen's")

	g.Start(0.5, 0.5, "a", 1, true, 100, 300)
	assert.True(t, g.Other(2), "a second finger")
	assert.False(t, g.Other(1))
	g.Cancel()
	assert.False(t, g.Other(2), "no press")
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
