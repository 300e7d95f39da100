//go:build js && wasm

package main

import (
	"fmt"

	"github.com/hexops/vecty"

	"github.com/godae/dae/webapp"
)

// keyBoxView is the box the keyboard moves and sizes over a view of an
// upload's picture (the picture, or its enlarged part), so that a part can
// be chosen without a pointer: Enter on the view starts one (start), the
// arrow keys move it and, with Shift, size it, Enter takes the part in it,
// Escape drops it. Its edges are shares of the view.
type keyBoxView struct {
	box *webapp.KeyBox // nil when there is none
	// what the view is called ("the picture", "the enlarged part").
	what string
	// start is the box Enter starts, and whether it is around the digit
	// found; nil: all of the view.
	start func() (webapp.KeyBox, bool)
	// picture names the picture the view shows now (its URL), and of the
	// one the box was begun on: a box is not carried over to another
	// upload (forget).
	picture, of string
	// show draws the box over the view, or hides it when b is nil.
	show func(b *webapp.KeyBox)
	// take takes the part of the view in the box as the digit's.
	take func(left, top, right, bottom float64)
}

// key handles a key pressed on the view.
func (k *keyBoxView) key(e *vecty.Event) {
	k.forget()
	key := e.Get("key").String()
	switch {
	case k.box == nil && (key == "Enter" || key == " "):
		b, around := webapp.StartKeyBox(), false
		if k.start != nil {
			b, around = k.start()
		}
		k.box, k.of = &b, k.picture
		if around {
			sayKeyBox(fmt.Sprintf("A box around the digit found on %s: the arrows move it, Shift and the arrows size it (left and up make it smaller, right and down larger), Enter takes the part in it, Escape drops it.", k.what))
		} else {
			sayKeyBox(fmt.Sprintf("A box over all of %s: Shift and the arrows size it (left and up make it smaller), the arrows then move it, Enter takes the part in it, Escape drops it.", k.what))
		}
	case k.box == nil:
		return
	case key == "Enter":
		b := *k.box
		k.drop()
		e.Call("preventDefault")
		sayKeyBox(fmt.Sprintf("The part in the box is taken as your digit's (%.0f to %.0f %% across, %.0f to %.0f %% down %s).", 100*b.Left, 100*b.Right, 100*b.Top, 100*b.Bottom, k.what))
		k.take(b.Left, b.Top, b.Right, b.Bottom)
		return
	case key == "Escape":
		k.drop()
		sayKeyBox("The box is dropped.")
		return
	default:
		shift := e.Get("shiftKey").Bool()
		b, ok := k.box.Key(key, shift)
		if !ok {
			return
		}
		if !shift && b == *k.box { // against the edge, or as wide as the view: it cannot move
			sayKeyBox(fmt.Sprintf("The box cannot move that way: it is at the edge of %s. Shift and the arrows make it smaller.", k.what))
			break
		}
		k.box = &b
		sayKeyBox(fmt.Sprintf("The box on %s: %.0f to %.0f %% across, %.0f to %.0f %% down.", k.what, 100*b.Left, 100*b.Right, 100*b.Top, 100*b.Bottom))
	}
	e.Call("preventDefault")
	k.show(k.box)
}

// forget drops the box if it was begun on another picture than the one
// the view shows: another upload came while it was on the screen.
func (k *keyBoxView) forget() {
	if k.box != nil && k.of != k.picture {
		k.drop()
		sayKeyBox("The box is dropped: another picture came.")
	}
}

// drop hides the box and forgets it (the view lost the focus, or it was
// taken).
func (k *keyBoxView) drop() {
	k.box = nil
	k.show(nil)
}

// sayKeyBox has a screen reader say where the keyboard's box is (it is
// drawn between renders, as it moves; so is what is said of it).
func sayKeyBox(text string) { say("keybox-status", text) }

// boxPicker is the role of a picture on which a box is chosen with the keys
// (Enter, the arrows, Shift): an application, as no ARIA widget has these
// keys, so that a screen reader passes them to the page rather than take
// them to move through the text; its description says which keys do what.
func boxPicker() vecty.MarkupList {
	return vecty.Markup(vecty.Attribute("role", "application"), vecty.Attribute("aria-roledescription", "box picker"),
		vecty.Attribute("aria-describedby", boxKeys))
}

// boxKeys is the id of the line under the tiles that says which keys
// choose a box: the box pickers' description.
const boxKeys = "box-keys"
