package webapp

import (
	"image"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/godae/dae/digitprep"
)

// The keyboard's box moves by a twentieth of the picture, or a quarter of
// its side when that is less, narrows and widens about its centre with
// Shift, and stays within the picture.
func TestKeyBox(t *testing.T) {
	b := StartKeyBox()
	b, ok := b.Key("ArrowRight", false)
	assert.True(t, ok)
	assert.Equal(t, StartKeyBox(), b, "the whole picture cannot move")
	for range 5 {
		b, _ = b.Key("ArrowLeft", true)
	}
	assert.InDelta(t, 0.5-0.8*0.8*0.8*0.8*0.8/2, b.Left, 1e-9, "narrower about the centre")
	assert.InDelta(t, 1.0, b.Bottom-b.Top, 1e-9, "as tall")
	for range 20 {
		b, _ = b.Key("ArrowRight", false)
	}
	assert.InDelta(t, 1.0, b.Right, 1e-9, "moved to the right edge and no further")
	b, _ = b.Key("ArrowUp", true)
	assert.InDelta(t, 0.8, b.Bottom-b.Top, 1e-9, "shorter")
	b, _ = b.Key("ArrowDown", false)
	assert.InDelta(t, 0.15, b.Top, 1e-9, "moved down a twentieth")
	for range 40 {
		b, _ = b.Key("ArrowLeft", true)
		b, _ = b.Key("ArrowUp", true)
	}
	assert.InDelta(t, minKeyBox, b.Right-b.Left, 1e-9, "no narrower than a hundredth")
	assert.InDelta(t, minKeyBox, b.Bottom-b.Top, 1e-9)
	left := b.Left
	b, _ = b.Key("ArrowRight", false)
	assert.InDelta(t, left+keyStepMin, b.Left, 1e-9, "a small box moves by a hundredth")
	for range 8 {
		b, _ = b.Key("ArrowRight", true)
	}
	side := b.Right - b.Left
	left = b.Left
	b, _ = b.Key("ArrowLeft", false)
	assert.InDelta(t, left-side/4, b.Left, 1e-9, "a box of %.3f by a quarter of its side", side)
	for range 40 {
		b, _ = b.Key("ArrowRight", true)
		b, _ = b.Key("ArrowDown", true)
	}
	assert.Equal(t, StartKeyBox(), b, "no wider than the picture")
	_, ok = b.Key("Enter", false)
	assert.False(t, ok, "other keys are not the box's")
}

// The keyboard's first box on an upload is around the digit found, with a
// quarter of its side to spare each way, within the picture; the whole
// picture when no digit was found or the picture was taken whole.
func TestUploadStartKeyBox(t *testing.T) {
	box := func(b KeyBox) []float64 { return []float64{b.Left, b.Top, b.Right, b.Bottom} }
	pic := image.NewGray(image.Rect(0, 0, 200, 100))
	// Found from 50 to 150 across (a quarter to three quarters) and 20 to
	// 60 down (a fifth to three fifths).
	u := Upload{Picture: pic, Part: pic.Rect, Info: digitprep.Info{Width: 200, Height: 100, Bounds: image.Rect(50, 20, 150, 60)}}
	b, around := u.StartKeyBox()
	assert.True(t, around)
	assert.InDeltaSlice(t, []float64{0.125, 0.1, 0.875, 0.7}, box(b), 1e-9)

	// Near the edges: the room is cut at the picture's edge.
	u.Info.Bounds = image.Rect(0, 80, 40, 100)
	b, _ = u.StartKeyBox()
	assert.InDeltaSlice(t, []float64{0, 0.75, 0.25, 1}, box(b), 1e-9)

	// In a part chosen earlier (the right half): where it is on the picture.
	u = Upload{Picture: pic, Part: image.Rect(100, 0, 200, 100), Info: digitprep.Info{Width: 100, Height: 100, Bounds: image.Rect(20, 20, 60, 60)}}
	b, _ = u.StartKeyBox()
	assert.InDeltaSlice(t, []float64{0.55, 0.1, 0.85, 0.7}, box(b), 1e-9)

	// A digit a few pixels wide in a picture of thousands: no smaller
	// than the keyboard's box can be.
	big := image.NewGray(image.Rect(0, 0, 4000, 100))
	u = Upload{Picture: big, Part: big.Rect, Info: digitprep.Info{Width: 4000, Height: 100, Bounds: image.Rect(0, 40, 1, 60)}}
	b, _ = u.StartKeyBox()
	assert.InDelta(t, minKeyBox, b.Right-b.Left, 1e-9)
	assert.InDelta(t, 0, b.Left, 1e-9)

	u.NoDigit = digitprep.ErrBlank
	b, around = u.StartKeyBox()
	assert.False(t, around)
	assert.Equal(t, StartKeyBox(), b)
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	b, around = Upload{Picture: small, Part: small.Rect, Info: digitprep.Info{Width: 28, Height: 28, Bounds: image.Rect(4, 4, 24, 24)}}.StartKeyBox()
	assert.False(t, around, "a 28×28 picture is taken whole")
	assert.Equal(t, StartKeyBox(), b)
}
