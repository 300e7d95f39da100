package webapp

// History keeps the last states of something a person changes, to take
// the changes back one by one (the draw pad's Undo) and to do again what
// was taken back (Redo): at most its limit each way, the oldest dropped
// first. A state is whatever its owner keeps (the draw pad keeps the
// browser's picture of its canvas), held here and not looked into.
type History[T any] struct {
	kept  []T // the states before each change, latest last
	ahead []T // the states taken back from, latest taken back last
	limit int
	last  *keeping[T] // what the latest Keep changed, for Unkeep; nil once anything else has
}

// keeping is what a Keep changed: the states it left nothing to do again
// with, and the oldest state it dropped beyond the limit, if it did.
type keeping[T any] struct {
	ahead   []T
	dropped T
	drop    bool
}

// NewHistory is a history that keeps at most limit states (at least one).
func NewHistory[T any](limit int) *History[T] { return &History[T]{limit: max(limit, 1)} }

// Keep keeps state, before a change, as the latest, dropping the oldest
// beyond the limit; what was taken back can no longer be done again.
func (h *History[T]) Keep(state T) {
	k := &keeping[T]{ahead: h.ahead}
	if len(h.kept) == h.limit {
		k.dropped, k.drop = h.kept[0], true
	}
	h.kept = push(h.kept, state, h.limit)
	h.ahead = nil
	h.last = k
}

// Unkeep takes back the latest Keep, if nothing changed the history
// since: the state it kept comes out, the oldest one it dropped comes
// back, and what could be done again can be again (a change never made:
// a stroke that turned out to be a pinch). ok is false otherwise.
func (h *History[T]) Unkeep() (state T, ok bool) {
	k := h.last
	if k == nil {
		return state, false
	}
	h.last = nil
	h.kept, state, _ = pop(h.kept)
	if k.drop {
		h.kept = append([]T{k.dropped}, h.kept...)
	}
	h.ahead = k.ahead
	return state, true
}

// Back takes the latest state kept out, to go back to it from now, which
// Forward can then return to; ok is false when none is kept.
func (h *History[T]) Back(now T) (state T, ok bool) { return h.move(&h.kept, &h.ahead, now) }

// Forward takes out the state that the latest Back went back from, to do
// again the change taken back, and keeps now to go back to; ok is false
// when nothing taken back is left.
func (h *History[T]) Forward(now T) (state T, ok bool) { return h.move(&h.ahead, &h.kept, now) }

// move takes the latest state out of from and keeps now in to, if from
// has one: Back and Forward, one the other's mirror.
func (h *History[T]) move(from, to *[]T, now T) (state T, ok bool) {
	h.last = nil
	if *from, state, ok = pop(*from); ok {
		*to = push(*to, now, h.limit)
	}
	return state, ok
}

// Forget forgets what was taken back: it can no longer be done again (a
// change taken back that was never meant, such as a pinch's stroke).
func (h *History[T]) Forget() {
	h.last = nil
	clear(h.ahead) // let go of them
	h.ahead = h.ahead[:0]
}

// Len is how many states are kept: how many changes can be taken back.
func (h *History[T]) Len() int { return len(h.kept) }

// Ahead is how many changes taken back can be done again.
func (h *History[T]) Ahead() int { return len(h.ahead) }

// push appends state to s, dropping the oldest beyond limit.
func push[T any](s []T, state T, limit int) []T {
	if len(s) == limit {
		var none T
		copy(s, s[1:])
		s[len(s)-1] = none // not held twice
		s = s[:len(s)-1]
	}
	return append(s, state)
}

// pop takes the last state out of s, letting go of it there.
func pop[T any](s []T) (rest []T, state T, ok bool) {
	if len(s) == 0 {
		return s, state, false
	}
	last := len(s) - 1
	state = s[last]
	var none T
	s[last] = none
	return s[:last], state, true
}
