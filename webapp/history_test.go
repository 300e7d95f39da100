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
	_, ok := h.Back()
	assert.False(t, ok, "nothing kept")
	for i := 1; i <= 5; i++ {
		h.Keep(i)
	}
	assert.Equal(t, 3, h.Len(), "the limit")
	var back []int
	for {
		s, ok := h.Back()
		if !ok {
			break
		}
		back = append(back, s)
	}
	assert.Equal(t, []int{5, 4, 3}, back, "latest first, the two oldest dropped")
	assert.Zero(t, h.Len())
	h.Keep(7)
	s, ok := h.Back()
	assert.True(t, ok)
	assert.Equal(t, 7, s, "kept again after being emptied")
	assert.Equal(t, 1, NewHistory[int](0).limit, "at least one")
}

func ExampleHistory() {
	h := NewHistory[string](2)
	h.Keep("blank")
	h.Keep("a 1")
	h.Keep("a 7") // "blank" is dropped
	for h.Len() > 0 {
		s, _ := h.Back()
		fmt.Println(s)
	}
	// Output:
	// a 7
	// a 1
}
