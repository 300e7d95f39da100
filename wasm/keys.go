//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/hexops/vecty"
)

// arrowKey is where the left and right arrow keys (and up and down if
// upDown), Home and End of keydown event e move from item i of n (a
// roving focus, as the ARIA tabs pattern has it): on past the ends to the
// other end if wrap, else stopping there. It calls preventDefault for
// those keys (the page does not scroll) and says false for any other key.
func arrowKey(e *vecty.Event, i, n int, wrap, upDown bool) (int, bool) {
	next := i
	switch key := e.Get("key").String(); {
	case key == "ArrowRight" || upDown && key == "ArrowDown":
		next = i + 1
	case key == "ArrowLeft" || upDown && key == "ArrowUp":
		next = i - 1
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
