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

	dragging bool
	x0, y0   float64 // where the drag started, as shares of the view
	// on and onURL are the view the drag started on and its upload's
	// picture: the drag is taken on that view (a finer look may have moved
	// it since), and not at all if another upload came.
	on    webapp.Inset
	onURL string
}

// at is where pointer event e is on the view, as shares of its side,
// clamped to it.
func (v *InsetView) at(e *vecty.Event) (float64, float64) {
	r := e.Get("currentTarget").Call("getBoundingClientRect")
	side := r.Get("width").Float()
	clamp := func(f float64) float64 { return max(0, min(1, f)) }
	return clamp((e.Get("clientX").Float() - r.Get("left").Float()) / side), clamp((e.Get("clientY").Float() - r.Get("top").Float()) / side)
}

// box is the drag's box so far, to e, as shares of the view.
func (v *InsetView) box(e *vecty.Event) (left, top, right, bottom float64) {
	x, y := v.at(e)
	return min(v.x0, x), min(v.y0, y), max(v.x0, x), max(v.y0, y)
}

// Render draws the enlarged view and the box being dragged on it.
func (v *InsetView) Render() vecty.ComponentOrHTML {
	in := v.Inset
	return elem.Figure(
		elem.Div(vecty.Markup(prop.ID("inset"), vecty.Class("inset", "found-frame"), vecty.Attribute("role", "img"),
			vecty.Attribute("aria-label", "the part of your picture around the digit found, enlarged; drag a box over it to take the digit from there"),
			vecty.Style("background-image", fmt.Sprintf("url(%q)", v.URL)),
			vecty.Style("background-size", fmt.Sprintf("%.2fpx %.2fpx", insetSide/in.Width, insetSide/in.Height)),
			vecty.Style("background-position", fmt.Sprintf("%.2fpx %.2fpx", -insetSide*in.Left/in.Width, -insetSide*in.Top/in.Height)),
			event.PointerDown(func(e *vecty.Event) {
				v.dragging, v.on, v.onURL = true, v.Inset, v.URL
				e.Get("currentTarget").Call("setPointerCapture", e.Get("pointerId"))
				v.x0, v.y0 = v.at(e)
			}).PreventDefault(),
			event.PointerMove(func(e *vecty.Event) {
				if v.dragging {
					l, t, r, b := v.box(e)
					showDragIn("inset-drag", webapp.Mark{Left: 100 * l, Top: 100 * t, Width: 100 * (r - l), Height: 100 * (b - t)}, true)
				}
			}),
			event.PointerUp(func(e *vecty.Event) {
				if !v.dragging {
					return
				}
				v.dragging = false
				showDragIn("inset-drag", webapp.Mark{}, false)
				if v.onURL != v.URL {
					return // begun on another upload's view
				}
				if l, t, r, b := v.box(e); r-l >= minDrag && b-t >= minDrag {
					// From shares of the view to shares of the picture.
					on := v.on
					if v.Store.ChoosePart(on.Left+l*on.Width, on.Top+t*on.Height, on.Left+r*on.Width, on.Top+b*on.Height) {
						go zoomIn(v.Store)
					}
				}
			}),
			event.PointerCancel(func(*vecty.Event) {
				v.dragging = false
				showDragIn("inset-drag", webapp.Mark{}, false)
			}),
		),
			elem.Div(vecty.Markup(prop.ID("inset-drag"), vecty.Class("mark", "chosen"), vecty.Attribute("aria-hidden", "true"), vecty.Style("display", "none"))),
		),
		elem.FigureCaption(vecty.Text("The digit found, enlarged"), elem.Break(),
			elem.Span(vecty.Markup(vecty.Class("reading")), vecty.Text("a box dragged here takes the digit from there"))),
	)
}
