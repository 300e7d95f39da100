//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// Tabs chooses how the person gives the page a digit.
type Tabs struct {
	vecty.Core
	Store *webapp.Store `vecty:"prop"`
	Mode  webapp.Mode   `vecty:"prop"`
	// Step is called before a key of the tabs (an arrow key, Home, End)
	// chooses another tab, and EndSteps when the focus leaves the tabs
	// (see webapp.Address.Step).
	Step     func(webapp.Mode) `vecty:"prop"`
	EndSteps func()            `vecty:"prop"`
}

// tabPanel is the id of the element that holds the chosen tab's panel.
const tabPanel = "tab-panel"

// Render draws one button per input mode, as the ARIA tabs pattern has
// them: only the chosen tab is in the Tab order; the arrow keys, Home and
// End choose another and move the focus to it.
func (t *Tabs) Render() vecty.ComponentOrHTML {
	labels := map[webapp.Mode]string{webapp.ModeGallery: "Pick a sample", webapp.ModeUpload: "Upload an image", webapp.ModeDraw: "Draw a digit"}
	var tabs vecty.List
	for i, mode := range webapp.Modes {
		tabindex := "-1"
		if t.Mode == mode {
			tabindex = "0"
		}
		tabs = append(tabs, elem.Button(
			vecty.Markup(
				prop.ID("tab-"+string(mode)),
				vecty.Attribute("type", "button"),
				vecty.Attribute("role", "tab"),
				vecty.Attribute("aria-selected", t.Mode == mode),
				vecty.Attribute("aria-controls", tabPanel),
				vecty.Attribute("tabindex", tabindex),
				vecty.ClassMap{"active": t.Mode == mode},
				event.Click(func(e *vecty.Event) {
					t.Store.SetMode(mode)
					// Tapped or clicked (a key's click has no detail),
					// the pad is brought up to be drawn on: a phone held
					// sideways showed the top and the tabs, and no pad.
					if mode == webapp.ModeDraw && e.Get("detail").Int() > 0 {
						onFrame(padInSight)
					}
				}),
				event.KeyDown(func(e *vecty.Event) {
					if next, ok := arrowKey(e, i, len(webapp.Modes), true, 0); ok {
						if next != i {
							t.Step(webapp.Modes[next])
						}
						t.Store.SetMode(webapp.Modes[next])
						focus("tab-" + string(webapp.Modes[next]))
					}
				}),
			),
			vecty.Text(labels[mode]),
		))
	}
	return elem.Navigation(
		vecty.Markup(vecty.Class("tabs"), vecty.Attribute("role", "tablist"), vecty.Attribute("aria-label", "Input"),
			event.FocusOut(func(e *vecty.Event) {
				// To another tab (the keys move the focus), the run goes on.
				if to := e.Get("relatedTarget"); !to.Truthy() || !e.Get("currentTarget").Call("contains", to).Bool() {
					t.EndSteps()
				}
			}),
		),
		tabs,
	)
}

// padInSight scrolls the page, when the draw pad is not whole on the
// screen, so that it is: its canvas and, if there is room, its buttons
// under it; or as much of the canvas as fits, from its top. A digit is
// then drawn where it is seen, with no scroll first (the canvas takes
// every touch, so the page does not scroll under a finger on it). On a
// phone held sideways, the page's top and its tabs filled the screen.
func padInSight() {
	doc := js.Global().Get("document")
	canvas, buttons := doc.Call("getElementById", "draw-canvas"), doc.Call("querySelector", ".draw-buttons") // on a phone upright, one over another
	if !canvas.Truthy() || !buttons.Truthy() {
		return
	}
	const margin = 8 // px of the page above the canvas, or under the buttons
	top := canvas.Call("getBoundingClientRect").Get("top").Float() - margin
	over := buttons.Call("getBoundingClientRect").Get("bottom").Float() + margin - js.Global().Get("innerHeight").Float()
	if by := min(top, over); by > 0 {
		js.Global().Call("scrollBy", map[string]any{"top": by, "behavior": scrollBehavior()})
	}
}
