package webapp

// History keeps the last states of something a person changes, to take
// the changes back one by one (the draw pad's Undo): at most its limit,
// the oldest dropped first. A state is whatever its owner keeps (the draw
// pad keeps the browser's picture of its canvas), held here and not
// looked into.
type History[T any] struct {
	kept  []T
	limit int
}

// NewHistory is a history that keeps at most limit states (at least one).
func NewHistory[T any](limit int) *History[T] { return &History[T]{limit: max(limit, 1)} }

// Keep keeps state as the latest, dropping the oldest beyond the limit.
func (h *History[T]) Keep(state T) {
	if len(h.kept) == h.limit {
		var none T
		copy(h.kept, h.kept[1:])
		h.kept[len(h.kept)-1] = none // not held twice
		h.kept = h.kept[:len(h.kept)-1]
	}
	h.kept = append(h.kept, state)
}

// Back takes the latest state out; ok is false when none is kept.
func (h *History[T]) Back() (state T, ok bool) {
	if len(h.kept) == 0 {
		return state, false
	}
	last := len(h.kept) - 1
	state = h.kept[last]
	var none T
	h.kept[last] = none // let go of it
	h.kept = h.kept[:last]
	return state, true
}

// Len is how many states are kept: how many changes can be taken back.
func (h *History[T]) Len() int { return len(h.kept) }
