package webapp

import (
	"image"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
)

func assertMark(t *testing.T, want, got Mark, what string) {
	t.Helper()
	assert.InDeltaSlice(t, []float64{want.Left, want.Top, want.Width, want.Height}, []float64{got.Left, got.Top, got.Width, got.Height}, 1e-9, what)
}

func TestFound(t *testing.T) {
	for _, c := range []struct {
		what string
		w, h int
		info digitprep.Info
		want Mark
	}{
		// Shown 100 % wide and 50 % tall, from 25 % down.
		{"wide", 200, 100, digitprep.Info{Width: 200, Height: 100, Bounds: image.Rect(50, 25, 150, 75)}, Mark{25, 37.5, 50, 25}},
		// Shown 50 % wide from 25 % across, 100 % tall.
		{"tall", 100, 200, digitprep.Info{Width: 100, Height: 200, Bounds: image.Rect(0, 100, 100, 200)}, Mark{25, 50, 50, 50}},
		// 2,048×1,024 is worked on at 512×256: Bounds are in those pixels.
		{"shrunk", 2048, 1024, digitprep.Info{Width: 2048, Height: 1024, Bounds: image.Rect(128, 64, 384, 192)}, Mark{25, 37.5, 50, 25}},
	} {
		pic := image.NewGray(image.Rect(0, 0, c.w, c.h))
		got, ok := Upload{Picture: pic, Part: pic.Rect, Info: c.info}.Found()
		require.True(t, ok, c.what)
		assertMark(t, c.want, got, c.what)
		_, ok = Upload{Picture: pic, Part: pic.Rect, Info: c.info}.Chosen()
		assert.False(t, ok, "%s: no part chosen", c.what)
	}
	pic := image.NewGray(image.Rect(0, 0, 28, 28))
	_, ok := Upload{Picture: pic, Part: pic.Rect, Info: digitprep.Info{Width: 28, Height: 28, Bounds: image.Rect(0, 0, 28, 28)}}.Found()
	assert.False(t, ok, "a 28×28 image is taken whole: nothing to mark")
	pic = image.NewGray(image.Rect(0, 0, 60, 40))
	got, ok := Upload{Picture: pic, Part: pic.Rect, Info: digitprep.Info{Width: 60, Height: 40, Bounds: pic.Rect}}.Found()
	assert.True(t, ok, "ink to the picture's edges is marked: it may be the edges, not a digit")
	assertMark(t, Mark{0, 100.0 / 6, 100, 100 * 4.0 / 6}, got, "the whole picture")

	// The right half of a 200×100 picture chosen, the digit found in the
	// middle of that half: its marks are where they are on the picture.
	pic = image.NewGray(image.Rect(0, 0, 200, 100))
	u := Upload{Picture: pic, Part: image.Rect(100, 0, 200, 100), Info: digitprep.Info{Width: 100, Height: 100, Bounds: image.Rect(25, 25, 75, 75)}}
	got, ok = u.Found()
	require.True(t, ok)
	assertMark(t, Mark{62.5, 37.5, 25, 25}, got, "found in the part")
	got, ok = u.Chosen()
	require.True(t, ok)
	assertMark(t, Mark{50, 25, 50, 50}, got, "the part")
}

// At undoes Shown, and clamps what is beside the picture to its edge.
func TestAtUndoesShown(t *testing.T) {
	for _, size := range []image.Point{{200, 100}, {100, 200}, {64, 64}} {
		u := Upload{Picture: image.NewGray(image.Rectangle{Max: size})}
		m := u.Shown(0.1, 0.2, 0.7, 0.9)
		x0, y0 := u.At(m.Left/100, m.Top/100)
		x1, y1 := u.At((m.Left+m.Width)/100, (m.Top+m.Height)/100)
		assert.InDeltaSlice(t, []float64{0.1, 0.2, 0.7, 0.9}, []float64{x0, y0, x1, y1}, 1e-9, "%v", size)
		x, y := u.At(-0.5, 1.5)
		assert.Equal(t, []float64{0, 1}, []float64{x, y}, "%v: clamped", size)
	}
	u := Upload{Picture: image.NewGray(image.Rect(0, 0, 200, 100))}
	x, y := u.At(0.5, 0.3)
	assert.InDeltaSlice(t, []float64{0.5, 0.1}, []float64{x, y}, 1e-9, "a wide picture starts a quarter down its square")
}
