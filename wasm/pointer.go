//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/hexops/vecty"
)

// What the draw pad hears of pointers: which of them draw, where they
// went, and a finger that comes down beside the canvas.

// drawsInk says whether pointer-down event e begins a stroke: the mouse's
// main button, a pen's tip, a finger. The right button (which opens the
// browser's menu too), the middle one, a pen's barrel button and its
// eraser drew ink before.
func drawsInk(e *vecty.Event) bool {
	b, held := e.Get("button"), e.Get("buttons")
	eraser := held.Type() == js.TypeNumber && held.Int()&32 != 0 // a pen's eraser, however its button is said
	return b.Type() == js.TypeNumber && b.Int() == 0 && !eraser
}

// maxCoalesced bounds the moves taken from one pointer-move event: a
// browser merges those of a frame or so, a few dozen at most.
const maxCoalesced = 256

// points is where pointer-move event e went, in canvas pixels: each move
// the browser merged into it (getCoalescedEvents) and then e's own, so
// that a fast stroke is drawn through them rather than as straight chords
// between the events (a quick 8 came out a polygon). The merged moves are
// placed by how far they are from e on the screen, as e's own offset is
// what point reads.
func points(e *vecty.Event) [][2]float64 {
	x, y := point(e)
	last := [][2]float64{{x, y}}
	if e.Get("getCoalescedEvents").Type() != js.TypeFunction {
		return last
	}
	cx, cy, w := e.Get("clientX"), e.Get("clientY"), e.Target.Get("clientWidth")
	if cx.Type() != js.TypeNumber || cy.Type() != js.TypeNumber || w.Type() != js.TypeNumber || w.Float() <= 0 {
		return last
	}
	var merged js.Value
	if thrown(func() { merged = e.Call("getCoalescedEvents") }) != nil || merged.Type() != js.TypeObject {
		return last
	}
	length := merged.Get("length")
	if length.Type() != js.TypeNumber {
		return last
	}
	// The canvas is sized by CSS width, not by a transform, so that a
	// distance on the screen is one in its box.
	scale := float64(drawSide) / w.Float()
	n := max(0, min(length.Int(), maxCoalesced))
	out := make([][2]float64, 0, n+1)
	for i := 0; i < n; i++ {
		m := merged.Index(i)
		if m.Type() != js.TypeObject {
			continue
		}
		mx, my := m.Get("clientX"), m.Get("clientY")
		if mx.Type() != js.TypeNumber || my.Type() != js.TypeNumber {
			continue
		}
		out = append(out, [2]float64{x + (mx.Float()-cx.Float())*scale, y + (my.Float()-cy.Float())*scale})
	}
	if len(out) == 0 || out[len(out)-1] != last[0] {
		out = append(out, last[0])
	}
	return out
}

// point is the event's position in canvas pixels.
func point(e *vecty.Event) (float64, float64) {
	c := e.Target
	scale := float64(drawSide) / c.Get("clientWidth").Float()
	return e.Get("offsetX").Float() * scale, e.Get("offsetY").Float() * scale
}

// stroking says whether pointer event e is of the stroke drawn.
func (d *DrawPad) stroking(e *vecty.Event) bool {
	id, ok := pointerID(e)
	return ok && id == d.pointer
}

// pointerID is pointer event e's pointerId; ok is false for an event that
// does not have a pointer's fields as numbers (its id and where it is,
// which point reads): a page's script can send any event by that name.
func pointerID(e *vecty.Event) (id int, ok bool) {
	for _, field := range []string{"pointerId", "offsetX", "offsetY"} {
		if e.Get(field).Type() != js.TypeNumber {
			return 0, false
		}
	}
	return e.Get("pointerId").Int(), true
}

// offCanvas takes back a finger's stroke when a second finger comes down
// off the canvas (the canvas's own pointer-down hears one on it): a pinch
// whose second finger landed beside the canvas, as on a phone it often
// does, left its first finger's line.
func (d *DrawPad) offCanvas(_ js.Value, args []js.Value) any {
	e := args[0]
	if d.drawing && d.kind == "touch" && e.Get("pointerType").String() == "touch" && !e.Get("target").Equal(d.el) {
		if id := e.Get("pointerId"); id.Type() == js.TypeNumber && id.Int() != d.pointer {
			if e.Get("isPrimary").Truthy() {
				d.lift() // the stroke's end was lost, as on the canvas
			} else {
				d.abandon()
			}
		}
	}
	return nil
}
