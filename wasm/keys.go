//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/hexops/vecty"
)

// arrowKey is where the left and right arrow keys, Home and End of
// keydown event e move from item i of n (a roving focus, as the ARIA tabs
// pattern has it), and the up and down arrow keys by row items (a row of a
// grid; 0: they are not the items'): on past the ends to the other end if
// wrap, else stopping there. It calls preventDefault for those keys (the
// page does not scroll) and says false for any other key, and for those
// keys held with Alt, Ctrl or ⌘, which are the browser's (Alt+Left is
// Back).
func arrowKey(e *vecty.Event, i, n int, wrap bool, row int) (int, bool) {
	if e.Get("altKey").Truthy() || e.Get("ctrlKey").Truthy() || e.Get("metaKey").Truthy() {
		return i, false
	}
	next := i
	switch key := e.Get("key").String(); {
	case key == "ArrowRight":
		next = i + 1
	case key == "ArrowLeft":
		next = i - 1
	case row > 0 && key == "ArrowDown":
		next = i + row
	case row > 0 && key == "ArrowUp":
		next = i - row
	case key == "Home":
		next = 0
	case key == "End":
		next = n - 1
	default:
		return i, false
	}
	e.Call("preventDefault")
	if wrap {
		next = (next + n) % n
	}
	return max(0, min(n-1, next)), true
}

// focus moves the keyboard focus to the element with id.
func focus(id string) { js.Global().Get("document").Call("getElementById", id).Call("focus") }

// focusInSight moves the keyboard focus to the element with id and scrolls
// it wholly into sight, as its scroller's scroll-padding has it (the
// focus's own scroll can leave it partly out, in the phone's row of
// samples, or in the row's fade).
func focusInSight(id string) {
	el := js.Global().Get("document").Call("getElementById", id)
	el.Call("focus", map[string]any{"preventScroll": true})
	el.Call("scrollIntoView", map[string]any{"block": "nearest", "inline": "nearest"})
}

// columns is how many of the elements that match selector are on the first
// one's row, as laid out now: a grid's row, for the up and down arrow keys.
func columns(selector string) int {
	items := js.Global().Get("document").Call("querySelectorAll", selector)
	n := items.Get("length").Int()
	if n == 0 {
		return 1
	}
	top, cols := items.Index(0).Get("offsetTop").Float(), 0
	for i := 0; i < n && items.Index(i).Get("offsetTop").Float() == top; i++ {
		cols++
	}
	return cols
}
