package webapp

import (
	"image"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
)

func TestMark(t *testing.T) {
	for _, c := range []struct {
		what string
		info digitprep.Info
		want Mark
	}{
		// Shown 100 % wide and 50 % tall, from 25 % down.
		{"wide", digitprep.Info{Width: 200, Height: 100, Bounds: image.Rect(50, 25, 150, 75)}, Mark{25, 37.5, 50, 25}},
		// Shown 50 % wide from 25 % across, 100 % tall.
		{"tall", digitprep.Info{Width: 100, Height: 200, Bounds: image.Rect(0, 100, 100, 200)}, Mark{25, 50, 50, 50}},
		// 2,048×1,024 is worked on at 512×256: Bounds are in those pixels.
		{"shrunk", digitprep.Info{Width: 2048, Height: 1024, Bounds: image.Rect(128, 64, 384, 192)}, Mark{25, 37.5, 50, 25}},
	} {
		got, ok := Upload{Info: c.info}.Mark()
		require.True(t, ok, c.what)
		assert.InDelta(t, c.want.Left, got.Left, 1e-9, c.what)
		assert.InDelta(t, c.want.Top, got.Top, 1e-9, c.what)
		assert.InDelta(t, c.want.Width, got.Width, 1e-9, c.what)
		assert.InDelta(t, c.want.Height, got.Height, 1e-9, c.what)
	}
	_, ok := Upload{Info: digitprep.Info{Width: 28, Height: 28, Bounds: image.Rect(0, 0, 28, 28)}}.Mark()
	assert.False(t, ok, "a 28×28 image is taken whole: nothing to mark")
}
