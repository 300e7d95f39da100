package webapp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A drag chooses the box from its press to its release; a tap marks a
// corner and a second tap on the same picture the box between the two;
// a box too small either way is a slip, and a box begun on a picture
// another has replaced is not taken.
func TestBoxGesture(t *testing.T) {
	type box struct {
		l, t, r, b float64
		end        BoxEnd
	}
	end := func(g *BoxGesture, x0, y0, x1, y1 float64, at, upTo string) box {
		g.Start(x0, y0, at)
		assert.True(t, g.Down())
		l, tp, r, b, e := g.End(x1, y1, upTo)
		assert.False(t, g.Down())
		return box{l, tp, r, b, e}
	}
	var g BoxGesture
	assert.Equal(t, box{0.2, 0.1, 0.6, 0.5, BoxTaken}, end(&g, 0.6, 0.5, 0.2, 0.1, "a", "a"), "dragged up and left")
	assert.Equal(t, BoxSmall, end(&g, 0.5, 0.5, 0.51, 0.8, "a", "a").end, "a sliver")
	assert.Equal(t, BoxGone, end(&g, 0.1, 0.1, 0.9, 0.9, "a", "b").end, "another upload came meanwhile")

	// Two taps.
	assert.Equal(t, box{0.702, 0.2, 0.702, 0.2, BoxCorner}, end(&g, 0.7, 0.2, 0.702, 0.2, "a", "a"), "the first corner")
	x, y, ok := g.Corner("a")
	assert.True(t, ok)
	assert.Equal(t, [2]float64{0.702, 0.2}, [2]float64{x, y}, "where the finger left")
	_, _, ok = g.Corner("b")
	assert.False(t, ok, "not a corner on another picture")
	assert.Equal(t, box{0.3, 0.2, 0.702, 0.9, BoxTaken}, end(&g, 0.3, 0.9, 0.3, 0.9, "a", "a"), "the second corner: the box between")
	_, _, ok = g.Corner("a")
	assert.False(t, ok, "the corner is used")

	// A corner is forgotten by a drag, by a second tap too near it, by a
	// tap on another picture (which marks that picture's corner), and by
	// a cancel.
	end(&g, 0.1, 0.1, 0.1, 0.1, "a", "a")
	assert.Equal(t, BoxTaken, end(&g, 0.5, 0.5, 0.9, 0.9, "a", "a").end)
	_, _, ok = g.Corner("a")
	assert.False(t, ok, "forgotten by a drag")
	end(&g, 0.1, 0.1, 0.1, 0.1, "a", "a")
	assert.Equal(t, BoxSmall, end(&g, 0.11, 0.11, 0.11, 0.11, "a", "a").end, "a double tap is no box")
	_, _, ok = g.Corner("a")
	assert.False(t, ok)
	end(&g, 0.1, 0.1, 0.1, 0.1, "a", "a")
	assert.Equal(t, BoxCorner, end(&g, 0.8, 0.8, 0.8, 0.8, "b", "b").end, "another picture's first corner")
	_, _, ok = g.Corner("a")
	assert.False(t, ok)
	g.Cancel()
	_, _, ok = g.Corner("b")
	assert.False(t, ok, "forgotten by a cancel")
}
