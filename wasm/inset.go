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

// insetSide is the side, in CSS pixels, of the enlarged view of a small
// digit's part of an upload (.inset in style.css).
const insetSide = 112

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

	drag boxDrag // in shares of the view
	// on is the view the drag began on: the drag is taken on it (a finer
	// look at the picture may have moved the view since).
	on webapp.Inset
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
	return elem.Figure(vecty.Markup(vecty.Class("inset-figure")),
		elem.Div(vecty.Markup(prop.ID("inset"), vecty.Class("inset", "found-frame"), vecty.Attribute("role", "img"),
			vecty.Attribute("aria-label", "the part of your picture around the digit found, enlarged; drag a box over it to take the digit from there"),
			vecty.Style("background-image", fmt.Sprintf("url(%q)", v.URL)),
			vecty.Style("background-size", fmt.Sprintf("%.2fpx %.2fpx", insetSide/in.Width, insetSide/in.Height)),
			vecty.Style("background-position", fmt.Sprintf("%.2fpx %.2fpx", -insetSide*in.Left/in.Width, -insetSide*in.Top/in.Height)),
			event.PointerDown(func(e *vecty.Event) {
				x, y := v.at(e)
				v.drag.start(e, x, y, v.URL)
				v.on = v.Inset
			}).PreventDefault(),
			event.PointerMove(func(e *vecty.Event) {
				if v.drag.on {
					l, t, r, b := v.drag.box(v.at(e))
					showDragIn("inset-drag", webapp.Mark{Left: 100 * l, Top: 100 * t, Width: 100 * (r - l), Height: 100 * (b - t)}, true)
				}
			}),
			event.PointerUp(func(e *vecty.Event) {
				if !v.drag.on {
					return
				}
				showDragIn("inset-drag", webapp.Mark{}, false)
				x, y := v.at(e)
				// From shares of the view to shares of the picture.
				l, t, r, b, end := v.drag.end(x, y, v.URL)
				on := v.on
				ended(v.Store, v.URL, on.Left+l*on.Width, on.Top+t*on.Height, on.Left+r*on.Width, on.Top+b*on.Height, end)
			}),
			event.PointerCancel(func(*vecty.Event) {
				v.drag.on = false
				showDragIn("inset-drag", webapp.Mark{}, false)
			}),
		),
			elem.Div(vecty.Markup(prop.ID("inset-drag"), vecty.Class("mark", "chosen"), vecty.Attribute("aria-hidden", "true"), vecty.Style("display", "none"))),
		),
		elem.FigureCaption(vecty.Text("The digit found, enlarged"), elem.Break(),
			elem.Span(vecty.Markup(vecty.Class("reading")), vecty.Text("drag a box here to take the digit from this part"))),
	)
}
