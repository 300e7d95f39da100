package webapp

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A history gives its states back latest first, keeps its limit by
// dropping the oldest, and says when it has none.
func TestHistory(t *testing.T) {
	h := NewHistory[int](3)
	_, ok := h.Back(0)
	assert.False(t, ok, "nothing kept")
	assert.Zero(t, h.Ahead(), "nor anything to do again")
	for i := 1; i <= 5; i++ {
		h.Keep(i)
	}
	assert.Equal(t, 3, h.Len(), "the limit")
	var back []int
	for {
		s, ok := h.Back(0)
		if !ok {
			break
		}
		back = append(back, s)
	}
	assert.Equal(t, []int{5, 4, 3}, back, "latest first, the two oldest dropped")
	assert.Zero(t, h.Len())
	h.Keep(7)
	s, ok := h.Back(0)
	assert.True(t, ok)
	assert.Equal(t, 7, s, "kept again after being emptied")
	assert.Equal(t, 1, NewHistory[int](0).limit, "at least one")
}

// Forward does again, one by one, what Back took back, the latest taken
// back first, and keeps each state it leaves to go back to; a new change
// (Keep), or Forget, leaves nothing to do again.
func TestHistoryForward(t *testing.T) {
	h := NewHistory[string](3)
	// Drawn: a stroke on a blank canvas, then a second.
	h.Keep("blank")
	h.Keep("one stroke")
	now := "two strokes"
	var ok bool
	now, ok = h.Back(now)
	assert.True(t, ok)
	assert.Equal(t, "one stroke", now)
	now, _ = h.Back(now)
	assert.Equal(t, "blank", now)
	assert.Equal(t, 2, h.Ahead())
	now, ok = h.Forward(now)
	assert.True(t, ok)
	assert.Equal(t, "one stroke", now, "done again, the first taken back last")
	now, _ = h.Forward(now)
	assert.Equal(t, "two strokes", now)
	_, ok = h.Forward(now)
	assert.False(t, ok, "nothing more to do again")
	now, _ = h.Back(now)
	assert.Equal(t, "one stroke", now, "and back again")

	h.Keep(now) // a new stroke
	assert.Zero(t, h.Ahead(), "a new change: nothing to do again")
	_, ok = h.Forward("a new stroke")
	assert.False(t, ok)
	_, _ = h.Back("a new stroke")
	h.Forget()
	assert.Zero(t, h.Ahead(), "forgotten")
	assert.Equal(t, 1, h.Len(), "what can be taken back stays")

	// Each way within the limit.
	h = NewHistory[string](2)
	for _, s := range []string{"a", "b", "c"} {
		h.Keep(s)
	}
	now = "d"
	for range 2 {
		now, _ = h.Back(now)
	}
	assert.Equal(t, "b", now)
	assert.Equal(t, 2, h.Ahead())
	now, _ = h.Forward(now)
	now, _ = h.Forward(now)
	assert.Equal(t, "d", now)
	assert.Equal(t, 2, h.Len())
}

func ExampleHistory() {
	h := NewHistory[string](2)
	h.Keep("blank")
	h.Keep("a 1")
	h.Keep("a 7") // "blank" is dropped
	now := "a 7 and a 1"
	for h.Len() > 0 {
		now, _ = h.Back(now)
		fmt.Println("back to", now)
	}
	now, _ = h.Forward(now)
	fmt.Println("forward to", now)
	// Output:
	// back to a 7
	// back to a 1
	// forward to a 7
}

// Unkeep takes back the latest Keep: what could be done again comes
// back, and so does what it dropped beyond the limit; after any other
// change it does nothing.
func TestHistoryUnkeep(t *testing.T) {
	h := NewHistory[string](2)
	h.Keep("blank")
	h.Keep("a")
	_, _ = h.Back("b") // "b" can be done again
	h.Keep("a")        // a stroke begins: "b" forgotten
	assert.Zero(t, h.Ahead())
	s, ok := h.Unkeep() // it was a pinch
	assert.True(t, ok)
	assert.Equal(t, "a", s)
	assert.Equal(t, 1, h.Ahead(), "what could be done again can be")
	now, _ := h.Forward("a")
	assert.Equal(t, "b", now)
	_, ok = h.Unkeep()
	assert.False(t, ok, "Forward changed the history since the Keep")

	// Full: a Keep drops the oldest, and Unkeep brings it back.
	h = NewHistory[string](2)
	for _, s := range []string{"blank", "a", "b"} {
		h.Keep(s)
	}
	_, _ = h.Unkeep()
	assert.Equal(t, 2, h.Len())
	back, _ := h.Back("c")
	back, _ = h.Back(back)
	assert.Equal(t, "blank", back, "the oldest step back")
	h.Keep("x")
	h.Forget()
	_, ok = h.Unkeep()
	assert.False(t, ok, "nor after Forget")
}
