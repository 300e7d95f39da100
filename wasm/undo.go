//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"unicode"
	"unicode/utf8"

	"github.com/godae/dae/webapp"
)

// maxUndo is how many strokes (and clearings) the draw pad can take back:
// each is a canvas's pixels kept in the browser's memory.
const maxUndo = 10

// undoable are the canvas's pictures (ImageData) before each of the last
// strokes and clearings: undefined for a blank canvas. They are kept as
// the drawing is (drawn), while the draw tab is not shown too, and go with
// the page.
var undoable = webapp.NewHistory[js.Value](maxUndo)

// keepForUndo keeps the canvas's picture as last drawn before a stroke or
// a clearing changes it.
func keepForUndo() { undoable.Keep(drawn) }

// undo takes back the last stroke or clearing: the canvas gets its picture
// from before it, and the store that drawing (or none, for a blank
// canvas); Redo can do it again. It does nothing while the pen is down or
// when nothing is kept.
func (d *DrawPad) undo() { d.step(undoable.Back, "Undone") }

// redo does again the last stroke or clearing that Undo took back.
func (d *DrawPad) redo() { d.step(undoable.Forward, "Redone") }

// step puts on the canvas the picture that move (undoable's Back or
// Forward) gives for the canvas as last drawn, gives the store that
// drawing, and says so (said: "Undone"). With no step that way, it does
// nothing.
func (d *DrawPad) step(move func(js.Value) (js.Value, bool), said string) {
	if d.drawing || !d.el.Truthy() {
		return
	}
	// With the pen up no update waits: lift made it, so drawn is what
	// the canvas shows.
	to, ok := move(drawn)
	if !ok {
		return
	}
	if !to.Truthy() {
		d.blank()
		say("draw-status", said+": the canvas is blank.")
		return
	}
	context2D(d.el).Call("putImageData", to, 0, 0)
	d.Store.Drew(d.take(), drawSide, drawSide)
	keepDrawing(d.el)
	say("draw-status", strings.TrimSpace(said+". "+d.reading()))
}

// undoKeys takes back the last stroke at Ctrl+Z (⌘Z on a Mac), and does
// it again at Ctrl+Shift+Z or Ctrl+Y (⇧⌘Z), while the draw tab is shown,
// but not in a field that has its own undo.
func (d *DrawPad) undoKeys(_ js.Value, args []js.Value) any {
	e := args[0]
	// The key says Z (or Y) in any Latin layout (Z with Caps Lock on); in
	// another alphabet's (Cyrillic, Greek), the key where a Latin Z would
	// be.
	key := strings.ToLower(e.Get("key").String())
	r, n := utf8.DecodeRuneInString(key)
	otherAlphabet := n == len(key) && r >= utf8.RuneSelf && unicode.IsLetter(r)
	code := e.Get("code").String()
	// Ctrl+Y, not ⌘Y: a Mac's browsers show their history at ⌘Y.
	z, y := key == "z" || otherAlphabet && code == "KeyZ", (key == "y" || otherAlphabet && code == "KeyY") && e.Get("ctrlKey").Truthy()
	shift := e.Get("shiftKey").Truthy()
	if !(e.Get("ctrlKey").Truthy() || e.Get("metaKey").Truthy()) || e.Get("altKey").Truthy() {
		return nil
	}
	var act func()
	switch {
	case z && !shift:
		act = d.undo
	case z && shift, y && !shift:
		act = d.redo
	default:
		return nil
	}
	t := e.Get("target")
	switch tag, typ := t.Get("tagName").String(), t.Get("type").String(); {
	case t.Get("isContentEditable").Truthy(), tag == "TEXTAREA",
		tag == "INPUT" && typ != "range" && typ != "radio" && typ != "file":
		return nil
	}
	e.Call("preventDefault")
	act()
	return nil
}
