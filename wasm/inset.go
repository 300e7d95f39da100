//go:build js && wasm

package main

import (
	"fmt"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// insetBackground is the CSS background size and position that show the
// part in of a picture in a square of any side (.inset in style.css sizes
// it: a tile's): the picture 1/in.Width of the square wide, and moved so
// that the part's left edge is the square's. A position p % puts the
// point p % across the picture at p % across the square, so that the
// picture is moved by (side − side/Width)·p/100, which is −side·Left/Width
// for p = 100·Left/(1 − Width) (and any p when the part is all of it).
func insetBackground(in webapp.Inset) (size, position string) {
	at := func(edge, share float64) float64 {
		if share >= 1 {
			return 0
		}
		return 100 * edge / (1 - share)
	}
	return fmt.Sprintf("%.4f%% %.4f%%", 100/in.Width, 100/in.Height), fmt.Sprintf("%.4f%% %.4f%%", at(in.Left, in.Width), at(in.Top, in.Height))
}

// InsetView shows the part of an upload around a digit found small in it,
// enlarged: the picture at URL as the square's background, scaled and
// moved so that the part fills it (no second decode of the file). A box
// dragged over it chooses that part of the picture, as on the picture
// itself, where the digit is too small to box.
type InsetView struct {
	vecty.Core
	Store *webapp.Store `vecty:"prop"`
	URL   string        `vecty:"prop"`
	Inset webapp.Inset  `vecty:"prop"`
	// Corner is the first corner of a box tapped on this view, or nil.
	Corner *webapp.Corner `vecty:"prop"`

	drag webapp.BoxGesture // in shares of the view
	// on is the view the gesture began on: the box is taken on it (a
	// finer look at the picture may have moved the view since).
	on     webapp.Inset
	keyBox keyBoxView // the keyboard's (keys)
}

// showBox draws a box over the view, in shares of it, or hides it.
func showBox(l, t, r, b float64, show bool) {
	showDragIn("inset-drag", webapp.Mark{Left: 100 * l, Top: 100 * t, Width: 100 * (r - l), Height: 100 * (b - t)}, show)
}

// take takes the part of view on between left and right, top and bottom
// (shares of the view) as the digit's.
func (v *InsetView) take(on webapp.Inset, left, top, right, bottom float64) {
	choosePart(v.Store, v.URL, on.Left+left*on.Width, on.Top+top*on.Height, on.Left+right*on.Width, on.Top+bottom*on.Height)
}

// keys is the view's keyboard box, drawing and taking as the pointer's
// box does.
func (v *InsetView) keys() *keyBoxView {
	k := &v.keyBox
	k.what = "the enlarged part"
	k.picture = v.URL
	k.show = func(b *webapp.KeyBox) {
		if b == nil {
			showBox(0, 0, 0, 0, false)
			return
		}
		showBox(b.Left, b.Top, b.Right, b.Bottom, true)
	}
	k.take = func(l, t, r, b float64) {
		v.take(v.Inset, l, t, r, b)
		// The view may go with what was found in the part (nothing, or a
		// digit large enough): keep the keyboard's focus on the picture,
		// which stays, rather than lose it to the page.
		focus("picture-frame")
	}
	return k
}

// at is where pointer event e is on the view, as shares of its side,
// clamped to it.
func (v *InsetView) at(e *vecty.Event) (float64, float64) {
	r := e.Get("currentTarget").Call("getBoundingClientRect")
	side := r.Get("width").Float()
	clamp := func(f float64) float64 { return max(0, min(1, f)) }
	return clamp((e.Get("clientX").Float() - r.Get("left").Float()) / side), clamp((e.Get("clientY").Float() - r.Get("top").Float()) / side)
}

// Render draws the enlarged view and the box being dragged on it.
func (v *InsetView) Render() vecty.ComponentOrHTML {
	in := v.Inset
	size, position := insetBackground(in)
	v.keys().forget() // the keyboard's box of the picture before, if any
	if v.Corner == nil && !v.drag.Down() && v.keyBox.box == nil {
		showBox(0, 0, 0, 0, false) // as on the picture (UploadPicture.Render)
	}
	var corner vecty.ComponentOrHTML
	if c := v.Corner; c != nil {
		corner = cornerMark("inset-corner", c, webapp.Mark{Left: 100 * c.X, Top: 100 * c.Y})
	}
	return elem.Figure(vecty.Markup(vecty.Class("inset-figure")),
		elem.Div(vecty.Markup(prop.ID("inset"), vecty.Class("inset", "found-frame"), boxPicker(),
			vecty.Attribute("aria-label", "the part of your picture around the digit found, enlarged; a box on it takes the digit from that part"),
			vecty.Style("background-image", fmt.Sprintf("url(%q)", v.URL)),
			vecty.Style("background-size", size), vecty.Style("background-position", position),
			event.PointerDown(func(e *vecty.Event) {
				if secondFinger(&v.drag, e) {
					showBox(0, 0, 0, 0, false)
					return
				}
				v.keys().drop() // as on the picture
				x, y := v.at(e)
				startBox(&v.drag, e, x, y, v.URL)
				v.on = v.Inset
			}).PreventDefault(),
			event.PointerMove(func(e *vecty.Event) {
				if otherPointer(&v.drag, e) {
					return
				}
				if v.drag.Down() && swiped(&v.drag, e) { // it scrolled
					showBox(0, 0, 0, 0, false)
					return
				}
				x, y := v.at(e)
				switch {
				case v.drag.Down():
					l, t, r, b := v.drag.Box(x, y)
					showBox(l, t, r, b, true)
				case v.keyBox.box == nil: // after a first corner, as on the picture
					c, ok := v.Store.State().PendingCorner(webapp.OnInset, v.Inset)
					l, t, r, b := webapp.BoxBetween(c.X, c.Y, x, y)
					showBox(l, t, r, b, ok)
				}
			}),
			event.PointerLeave(func(*vecty.Event) {
				if !v.drag.Down() && v.keyBox.box == nil {
					showBox(0, 0, 0, 0, false)
				}
			}),
			event.PointerUp(func(e *vecty.Event) {
				if !v.drag.Down() || otherPointer(&v.drag, e) {
					return // the keyboard's box may be shown
				}
				swiped(&v.drag, e) // as on the picture
				showBox(0, 0, 0, 0, false)
				x, y := v.at(e)
				side := e.Get("currentTarget").Call("getBoundingClientRect").Get("width").Float()
				l, t, r, b, end := v.drag.End(x, y, v.URL, side, side)
				on := v.on
				ended(v.Store, webapp.OnInset, on, l, t, r, b, end, func(l, t, r, b float64) { v.take(on, l, t, r, b) })
			}),
			event.PointerCancel(func(e *vecty.Event) {
				if otherPointer(&v.drag, e) {
					return
				}
				v.drag.Cancel()
				showBox(0, 0, 0, 0, false)
			}),
			vecty.Attribute("tabindex", "0"),
			event.KeyDown(func(e *vecty.Event) {
				if e.Get("key").String() == "Escape" && v.Store.State().Corner != nil { // on either picture
					v.Store.DropCorner()
					showBox(0, 0, 0, 0, false)
				}
				v.keys().key(e)
			}),
			event.Blur(func(*vecty.Event) { v.keys().drop() }),
		),
			elem.Div(vecty.Markup(prop.ID("inset-drag"), vecty.Class("mark", "chosen"), vecty.Attribute("aria-hidden", "true"), vecty.Style("display", "none"))),
			corner,
		),
		elem.FigureCaption(vecty.Text("The digit found, enlarged"), elem.Break(),
			elem.Span(vecty.Markup(vecty.Class("reading")), vecty.Text("drag a box here, or tap two opposite corners, to take the digit from this part"))),
	)
}
