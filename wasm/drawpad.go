//go:build js && wasm

package main

import (
	"math"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// drawSide is the drawing canvas's size in canvas pixels.
const drawSide = webapp.DrawSide

// DrawPad is a canvas to draw a digit on with a mouse, a pen or a finger;
// the digit is denoised live, with the chosen noise added, as it is drawn.
type DrawPad struct {
	vecty.Core
	Store  *webapp.Store  `vecty:"prop"`
	Result *webapp.Result `vecty:"prop"` // what the models make of the drawing, or nil
	Note   string         `vecty:"prop"` // State.DrawNote: why the drawing is not a digit yet
	// OffEdge is State.DrawOffEdge: the drawing runs off the canvas.
	OffEdge bool `vecty:"prop"`
	// CanUndo says a stroke or a clearing can be taken back (undoable),
	// CanRedo that one taken back can be done again, and CanClear that the
	// canvas holds ink as last drawn (drawn). A button that cannot is
	// shown disabled (aria-disabled), not disabled: the keyboard's focus
	// stays on it, where a disabled button's went to the page, or was
	// handed on to Clear, which a key pressed once too often on Undo then
	// pressed (Redo's steps lost). Clear on a blank canvas did nothing
	// and said it had; a first stroke's ink not yet taken, which CanClear
	// does not know of, it clears.
	CanUndo, CanRedo, CanClear bool `vecty:"prop"`

	drawing      bool
	pointer      int     // the pointerId of the stroke drawn
	kind         string  // its pointerType: "mouse", "pen" or "touch"
	movedAt      float64 // performance.now() at its last move
	lastX, lastY float64
	// While the pen moves, the drawing is prepared and denoised (update)
	// no sooner after the last update and the render that showed it than
	// the two took together: the thread is then left free at least as
	// long as they hold it, and the ink follows the pen between updates
	// (on a slow machine an update after every move held the pen back;
	// with the update's time alone counted, the render's was not left
	// free, and the ink was painted seldom: make bench's drawing).
	pending bool     // ink drawn since the last update
	nextAt  float64  // performance.now() at which the next update may start
	later   js.Value // the update's timer (setTimeout's id) while it waits, or undefined
	wake    js.Func  // the timer's callback, made once
	// el is the canvas element from Mount to Unmount, by which time it is
	// out of the page (not found by its id) and an update waiting is made.
	el js.Value
	// keys is the document's listener for Ctrl+Z (undoKeys) from Mount to
	// Unmount, and touches its listener for a finger put down off the
	// canvas during a stroke (offCanvas).
	keys, touches js.Func
}

func canvas() js.Value { return js.Global().Get("document").Call("getElementById", "draw-canvas") }

// context2D is the drawing canvas c's 2D context, made for reading back
// (the drawing is read after every stroke): the first call's attributes
// hold for the canvas, and without them the browser warns that reading
// back is slow.
func context2D(c js.Value) js.Value {
	return c.Call("getContext", "2d", map[string]any{"willReadFrequently": true})
}

// drawn is the canvas's picture (an ImageData) as last drawn, kept while
// the draw tab is not shown (its canvas is then gone), or undefined when
// nothing is drawn.
var drawn js.Value

// Mount paints the drawing back when the canvas appears (the tab was
// chosen again), or the canvas white.
func (d *DrawPad) Mount() {
	clearCanvas()
	d.el = canvas()
	if d.el.Truthy() && drawn.Truthy() {
		context2D(d.el).Call("putImageData", drawn, 0, 0)
	}
	d.keys = js.FuncOf(d.undoKeys)
	js.Global().Get("document").Call("addEventListener", "keydown", d.keys)
	d.touches = js.FuncOf(d.offCanvas)
	js.Global().Get("document").Call("addEventListener", "pointerdown", d.touches)
}

// Unmount makes an update waiting for its turn now, from the canvas
// element, out of the page by then, so that what was drawn last is kept
// for the canvas's return, and releases the timer's callback: the canvas
// goes with its tab (which can change under a pen held down; the store
// then lowers the pen itself).
func (d *DrawPad) Unmount() {
	d.cancel()
	held := d.drawing || d.pending
	if d.pending && d.el.Truthy() {
		// Kept as a reload's drawing is, on the tab now shown: Drew would
		// take the page back to the drawing's tab.
		d.Store.RestoreDrawing(d.take(), drawSide, drawSide)
	}
	if held && d.el.Truthy() {
		// A stroke cut short by the tab: kept for a reload as one ended
		// (lift, which does not come now) would be.
		keepDrawing(d.el)
	}
	d.el = js.Undefined()
	d.drawing, d.pending = false, false
	if !d.wake.IsUndefined() {
		d.wake.Release()
		d.wake = js.Func{}
	}
	if !d.keys.IsUndefined() {
		js.Global().Get("document").Call("removeEventListener", "keydown", d.keys)
		d.keys.Release()
		d.keys = js.Func{}
	}
	if !d.touches.IsUndefined() {
		js.Global().Get("document").Call("removeEventListener", "pointerdown", d.touches)
		d.touches.Release()
		d.touches = js.Func{}
	}
}

func clearCanvas() {
	c := canvas()
	if !c.Truthy() {
		return
	}
	ctx := context2D(c)
	ctx.Set("fillStyle", "#fff")
	ctx.Call("fillRect", 0, 0, drawSide, drawSide)
}

// stroke draws the pen's line on from where it was through the points to
// (canvas pixels), and has the drawing updated in its turn (schedule).
func (d *DrawPad) stroke(to ...[2]float64) {
	if len(to) == 0 {
		return
	}
	ctx := context2D(canvas())
	ctx.Set("strokeStyle", "#000")
	ctx.Set("lineWidth", webapp.PenWidth)
	ctx.Set("lineCap", "round")
	ctx.Set("lineJoin", "round")
	ctx.Call("beginPath")
	ctx.Call("moveTo", d.lastX, d.lastY)
	for _, p := range to {
		ctx.Call("lineTo", p[0], p[1])
	}
	ctx.Call("stroke")
	d.lastX, d.lastY = to[len(to)-1][0], to[len(to)-1][1]
	d.movedAt = now()
	d.pending = true
	d.schedule()
}

// abandon takes back the stroke under way, which was never meant (a
// second finger came: a pinch or a scroll): the canvas and the store as
// before it, with nothing of it updated, said or kept for a reload, and
// the history as before it too (Unkeep: what Redo could do, and the
// oldest step a full history dropped, come back).
func (d *DrawPad) abandon() {
	if !d.drawing {
		return
	}
	d.cancel()
	d.drawing, d.pending = false, false
	before, ok := undoable.Unkeep()
	switch {
	case !ok: // kept nothing (cannot happen: keepForUndo came first)
	case !before.Truthy():
		d.blank()
	default:
		context2D(d.el).Call("putImageData", before, 0, 0)
		d.Store.Drew(d.take(), drawSide, drawSide)
	}
	d.Store.SetPenDown(false)
}

// schedule updates now if the update's turn has come (nextAt), or else
// has a timer wait for it, unless one waits already: that update takes
// the ink drawn since too. A timer that fires early, as the turn was put
// back since (by the render's time), waits again.
func (d *DrawPad) schedule() {
	if d.later.Truthy() {
		return
	}
	t := now()
	if t >= d.nextAt {
		d.update()
		return
	}
	if d.wake.IsUndefined() {
		d.wake = js.FuncOf(func(js.Value, []js.Value) any {
			d.later = js.Undefined()
			// Not once another tab is chosen (the pen held as the keys
			// changed it): Drew would take the page back to the drawing;
			// Unmount, which comes with the next frame, keeps the ink.
			if d.pending && d.el.Truthy() && d.Store.State().Mode == webapp.ModeDraw {
				d.schedule()
			}
			return nil
		})
	}
	// Whole milliseconds, rounded up: a timer's delay is cut down to them,
	// and one that woke early would wait again.
	d.later = js.Global().Call("setTimeout", d.wake, math.Ceil(d.nextAt-t))
}

// lift ends a stroke: the whole drawing is shown, read out and kept, and
// the plot computed for it.
func (d *DrawPad) lift() {
	if !d.drawing {
		return
	}
	d.drawing = false
	d.flush()
	d.Store.SetPenDown(false)
	d.sayReading()
	keepDrawing(d.el)
}

// flush updates now what was drawn since the last update, if anything:
// when the pen lifts, so that the result shown is the whole drawing's.
func (d *DrawPad) flush() {
	d.cancel()
	if d.pending {
		d.update()
	}
}

// cancel forgets an update waiting for its turn.
func (d *DrawPad) cancel() {
	if d.later.Truthy() {
		js.Global().Call("clearTimeout", d.later)
		d.later = js.Undefined()
	}
}

// take is the canvas's pixels (RGBA), kept as drawn for its return; the
// ink drawn is no longer pending.
func (d *DrawPad) take() []byte {
	d.pending = false
	drawn = context2D(d.el).Call("getImageData", 0, 0, drawSide, drawSide)
	return pixels(drawn)
}

// update gives the canvas's pixels to the store, which shows the digit,
// and sets the next update's turn (nextAt) as long after this one's end
// as it took, and then, once the next frame's render is done, as long
// after that render's end as the update and the render took together.
// The render is vecty's: Drew's change has vecty ask for the next frame
// (its batch renderer's requestAnimationFrame), before the callback asked
// for here, which therefore runs after it in the same frame.
func (d *DrawPad) update() {
	start := now()
	d.Store.Drew(d.take(), drawSide, drawSide)
	end := now()
	took := end - start
	d.nextAt = end + took
	var rendered js.Func
	rendered = js.FuncOf(func(_ js.Value, args []js.Value) any {
		rendered.Release()
		// The frame's callbacks began at args[0], or, when the frame was
		// due while the update held the thread, once it was done.
		t, began := now(), end
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			began = max(end, args[0].Float())
		}
		d.nextAt = max(d.nextAt, t+took+(t-began))
		return nil
	})
	js.Global().Call("requestAnimationFrame", rendered)
}

// Render draws the canvas and its Clear, Undo and Redo buttons.
func (d *DrawPad) Render() vecty.ComponentOrHTML {
	return elem.Section(vecty.Markup(vecty.Class("panel")),
		elem.Heading2(vecty.Text("Draw a digit")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("draw-hint")), vecty.Text("With a mouse, a pen or a finger, in the box below: it is denoised as you draw, with the noise chosen under it."),
			elem.Span(vecty.Markup(vecty.Class("keys")), vecty.Text(" Drawing needs a pointer: from the keyboard, pick a sample or upload a picture of a digit."))),
		// What the drawing reads, said when the pen lifts rather than at
		// every move (sayReading): there from the start, as a region is read out
		// when it changes.
		elem.Span(vecty.Markup(prop.ID("draw-status"), vecty.Class("sr-only"), vecty.Attribute("aria-live", "polite"))),
		elem.Div(vecty.Markup(vecty.Class("draw-row")),
			elem.Div(
				elem.Canvas(vecty.Markup(
					prop.ID("draw-canvas"), vecty.Class("draw"),
					// Its edge marked where the note under the preview
					// may be below a phone's screen.
					vecty.ClassMap{"off-edge": d.OffEdge},
					vecty.Attribute("width", drawSide), vecty.Attribute("height", drawSide),
					vecty.Attribute("role", "img"), vecty.Attribute("aria-label", "Drawing area: draw a digit with a mouse, a pen or a finger (not from the keyboard)"),
					event.PointerDown(func(e *vecty.Event) {
						// One stroke at a time: a second finger during a
						// stroke (not its type's primary pointer) draws
						// nothing, rather than join its points to the
						// first's, and takes the first finger's stroke
						// back: two fingers are a pinch or a scroll, and
						// the first one's line was read as a 1. Another
						// primary pointer means the stroke's end was
						// lost: it starts a new one.
						id, ok := pointerID(e)
						if !ok || !drawsInk(e) {
							return
						}
						kind := e.Get("pointerType").String()
						if d.drawing && id != d.pointer && !e.Get("isPrimary").Truthy() {
							if d.kind == "touch" && kind == "touch" {
								d.abandon()
							}
							return
						}
						// A hand resting on the screen while a pen draws
						// (its touch is its type's primary pointer) draws
						// nothing, where it ended the pen's stroke and began
						// its own; unless the pen has not moved for a second
						// (its stroke's end was lost), so that fingers are
						// never shut out.
						if d.drawing && d.kind == "pen" && kind == "touch" && now()-d.movedAt < 1000 {
							return
						}
						d.lift() // a stroke whose end never came (no capture)
						keepForUndo()
						d.drawing = true
						d.pointer, d.kind = id, kind
						d.Store.SetPenDown(true)
						capturePointer(e)
						d.lastX, d.lastY = point(e)
						d.stroke([2]float64{d.lastX + 0.1, d.lastY + 0.1}) // a dot for a tap
					}).PreventDefault(),
					event.PointerMove(func(e *vecty.Event) {
						if d.drawing && d.stroking(e) {
							d.stroke(points(e)...)
						}
					}),
					event.PointerUp(func(e *vecty.Event) {
						if d.stroking(e) {
							d.lift()
						}
					}),
					// A touch the browser takes for a scroll or a gesture ends so.
					event.PointerCancel(func(e *vecty.Event) {
						if d.stroking(e) {
							d.lift()
						}
					}),
				)),
				elem.Div(vecty.Markup(vecty.Class("draw-buttons")),
					elem.Button(vecty.Markup(prop.ID("clear"), vecty.Attribute("type", "button"), vecty.Attribute("aria-disabled", !d.CanClear), event.Click(func(*vecty.Event) {
						// What is on the canvas is kept for Undo: ink
						// drawn since the last update (a stroke under way)
						// is not in drawn yet. (blank cancels the update.)
						if d.pending && d.el.Truthy() {
							d.take()
						}
						if !drawn.Truthy() { // shown disabled: nothing to clear, nor to keep for Undo
							return
						}
						keepForUndo()
						d.blank()
						say("draw-status", "Drawing cleared: Undo brings it back.")
					})), vecty.Text("Clear")),
					elem.Button(vecty.Markup(prop.ID("undo"), vecty.Attribute("type", "button"), vecty.Attribute("aria-disabled", !d.CanUndo),
						vecty.Attribute("aria-keyshortcuts", "Control+Z Meta+Z"), vecty.Attribute("title", "Take back the last stroke or clearing (Ctrl+Z, or ⌘Z on a Mac)"),
						event.Click(func(*vecty.Event) { d.undo() })), vecty.Text("Undo")),
					elem.Button(vecty.Markup(prop.ID("redo"), vecty.Attribute("type", "button"), vecty.Attribute("aria-disabled", !d.CanRedo),
						vecty.Attribute("aria-keyshortcuts", "Control+Shift+Z Control+Y Meta+Shift+Z"), vecty.Attribute("title", "Do again what Undo took back (Ctrl+Shift+Z or Ctrl+Y, or ⇧⌘Z on a Mac)"),
						event.Click(func(*vecty.Event) { d.redo() })), vecty.Text("Redo")),
				),
			),
			d.preview(),
		),
		// Last, so that its coming moves nothing of the pad's (vecty
		// matches children by place).
		vecty.If(notKept != "", elem.Paragraph(vecty.Markup(prop.ID("draw-not-kept"), vecty.Class("hint")), vecty.Text(notKept))),
	)
}

// blank makes the canvas white and forgets the drawing (Clear, and an
// undo back to before the first stroke).
func (d *DrawPad) blank() {
	d.cancel()
	d.pending = false
	clearCanvas()
	drawn = js.Undefined()
	forgetDrawing()
	d.Store.ClearDrawing()
}

// sayReading has a screen reader say what the drawing reads after
// denoising, or why it is not a digit yet, once the pen lifts (say).
func (d *DrawPad) sayReading() { say("draw-status", d.reading()) }

// reading is what the drawing reads after denoising, or why it is not a
// digit yet, as a sentence; nothing before anything is drawn.
func (d *DrawPad) reading() string { return drawReading(d.Store.State()) }

// drawReading is what the drawing of st reads after denoising, or why it
// is not a digit yet (DrawPad.reading).
func drawReading(st webapp.State) string {
	switch {
	case st.Result != nil && st.DrawOffEdge:
		return "Your digit, denoised, reads " + st.Result.DAEReading.String() + ". " + offEdge
	case st.Result != nil:
		return "Your digit, denoised, reads " + st.Result.DAEReading.String() + "."
	case st.DrawNote != "":
		return sentence(st.DrawNote) + "."
	}
	return ""
}

// offEdge is what the page says of a drawing that runs off the canvas
// (webapp.OffEdge).
const offEdge = "Part of it runs off the box: only what is inside is read."

// preview shows, beside the canvas, the drawing with its noise and
// denoised as it is drawn, with the reader's reading of each: the results below
// are out of sight while one draws (on a phone, and on a wide screen
// where the canvas leaves most of its row empty).
func (d *DrawPad) preview() vecty.ComponentOrHTML {
	switch {
	case d.Result == nil && d.Note != "":
		// Said plainly, not as an error: the first touch of every drawing
		// is a dot.
		return elem.Paragraph(vecty.Markup(vecty.Class("hint", "draw-note"), prop.ID("draw-preview")), vecty.Text(sentence(d.Note)+"."))
	case d.Result == nil:
		return elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("draw-preview")), vecty.Text("Your digit, with its noise and denoised, shows here as you draw."))
	}
	r := d.Result
	small := func(id, src, alt string, caption ...vecty.MarkupOrChild) vecty.ComponentOrHTML {
		return elem.Figure(elem.Image(vecty.Markup(prop.ID(id), prop.Src(src), prop.Alt(alt), vecty.Class("digit", "small"))), elem.FigureCaption(caption...))
	}
	return elem.Div(vecty.Markup(vecty.Class("draw-preview"), prop.ID("draw-preview")),
		small("draw-preview-input", grayURL(r.Input), "your digit with the noise added", vecty.Text("Model input"), elem.Break(),
			elem.Span(vecty.Markup(prop.ID("draw-preview-input-reading"), vecty.Class("reading")), vecty.Text(reads(r.InputReading))),
			// Why a 7 drawn reads as an 8 here: the results' note is out of
			// sight while one draws.
			noiseNote(r, "draw-preview-input-noise")),
		small("draw-preview-output", grayURL(r.DAE), "your digit denoised", vecty.Text("Denoised"), elem.Break(),
			elem.Span(vecty.Markup(prop.ID("draw-preview-reading"), vecty.Class("reading")), vecty.Text(reads(r.DAEReading)))),
		vecty.If(d.OffEdge, elem.Paragraph(vecty.Markup(vecty.Class("hint", "draw-note", "draw-edge"), prop.ID("draw-edge")), vecty.Text(offEdge))),
	)
}
