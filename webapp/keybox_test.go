package webapp

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
