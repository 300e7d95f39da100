//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// WalkView is the code-space view: two digits' codes and the decoder's
// image between them, and one unit of the current digit's code nudged.
type WalkView struct {
	vecty.Core
	Store  *webapp.Store  `vecty:"prop"`
	Walk   webapp.Walk    `vecty:"prop"`
	Result *webapp.Result `vecty:"prop"`
}

// Render draws the two ends, the slider between them and its image, and
// the unit chooser and nudge slider with their image.
func (v *WalkView) Render() vecty.ComponentOrHTML {
	w, res := v.Walk, v.Result
	end := func(which string, e *webapp.WalkEnd) vecty.ComponentOrHTML {
		var pic vecty.ComponentOrHTML = elem.Div(vecty.Markup(vecty.Class("digit", "empty-end")))
		// The reading's line is there before the end is taken, so that the
		// button under it stays where it was pressed.
		reading := "\u00a0"
		if e != nil {
			pic = elem.Image(vecty.Markup(prop.ID("walk-"+which), prop.Src(grayURL(e.Output)),
				prop.Alt("end "+which+": the digit as "+e.Title+" decodes its code"), vecty.Class("digit", "small")))
			reading = reads(e.Reading)
		}
		return elem.Figure(pic, elem.Div(vecty.Markup(prop.ID("walk-"+which+"-reading"), vecty.Class("reading")), vecty.Text(reading)),
			elem.Button(vecty.Markup(prop.ID("walk-set-"+which), vecty.Attribute("type", "button"),
				event.Click(func(*vecty.Event) { v.Store.SetWalkEnd(which) })),
				vecty.Text("Use this digit as "+which)))
	}
	between := vecty.List{}
	if w.Between != nil {
		between = append(between, tile("walk-image", fmt.Sprintf("%.0f %% of the way from A to B", 100*w.T), grayURL(w.Between), "the decoder's image between A and B", &w.BetweenReading))
	} else {
		between = append(between, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text("Take two digits (pick a sample, upload or draw, then press a button), and slide between their codes.")))
	}
	// There from the start, empty while there is nothing to say: a region
	// is read out when it changes, not when it comes.
	note := elem.Paragraph(vecty.Markup(prop.ID("walk-note"), vecty.Class("hint", "walk-note"), vecty.Attribute("role", "status")), vecty.Text(w.Note))
	// What taking an end did, for a screen reader (its picture and reading
	// come silently).
	said := elem.Span(vecty.Markup(prop.ID("walk-said"), vecty.Class("sr-only"), vecty.Attribute("aria-live", "polite")), vecty.Text(w.Taken))
	var nudge vecty.ComponentOrHTML = elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("nudge-hint")),
		vecty.Text("Pick a sample, upload or draw a digit: its code's units can then be nudged one at a time."))
	if res != nil && w.Nudged != nil {
		n := len(res.Latent)
		nudge = elem.Div(vecty.Markup(vecty.Class("nudge")),
			elem.Label(vecty.Markup(prop.For("nudge-unit")), vecty.Text(fmt.Sprintf("Code unit (0–%d) of %s: %s", n-1, res.Title, webapp.UnitName(w.Unit, res.LatentShape)))),
			elem.Input(vecty.Markup(prop.ID("nudge-unit"), prop.Type(prop.TypeNumber), vecty.Attribute("min", "0"), vecty.Attribute("max", strconv.Itoa(n-1)), vecty.Attribute("step", "1"),
				vecty.Property("value", strconv.Itoa(w.Unit)),
				// As the unit is typed; a number that is no unit (out of
				// range, or not whole: 12.7, 1e3) is brought to the nearest
				// unit there is, in the field too.
				event.Input(func(e *vecty.Event) {
					typed := e.Target.Get("value").String()
					f, err := strconv.ParseFloat(typed, 64)              // ±Inf out of float64's range: the nearest end
					if err != nil && !errors.Is(err, strconv.ErrRange) { // "" while what is typed is no number yet
						return
					}
					u := int(math.Round(max(0, min(float64(n-1), f))))
					if strconv.Itoa(u) != typed {
						e.Target.Set("value", strconv.Itoa(u))
					}
					v.Store.SetNudge(u, v.Store.State().Walk.Nudge) // the store's, which a rerender may not show yet
				}),
				// Left with no number in it, the field shows the unit
				// nudged again.
				event.Change(func(e *vecty.Event) {
					if _, err := strconv.ParseFloat(e.Target.Get("value").String(), 64); err != nil {
						e.Target.Set("value", strconv.Itoa(v.Store.State().Walk.Unit))
					}
				}))),
			// The label's value is for the eye, as the amount's (NoiseControls).
			elem.Label(vecty.Markup(prop.For("nudge-amount")), vecty.Text("Nudge"),
				elem.Span(vecty.Markup(vecty.Attribute("aria-hidden", "true")), vecty.Text(fmt.Sprintf(" %+.0f %% of the code's largest value", 100*w.Nudge)))),
			elem.Input(vecty.Markup(prop.ID("nudge-amount"), prop.Type(prop.TypeRange), vecty.Attribute("min", "-100"), vecty.Attribute("max", "100"), vecty.Attribute("step", "5"),
				vecty.Attribute("aria-valuetext", fmt.Sprintf("%+.0f %% of the code's largest value; the decoder's picture reads %s", 100*w.Nudge, w.NudgedReading)),
				vecty.Property("value", strconv.Itoa(int(100*w.Nudge))),
				event.Input(func(e *vecty.Event) {
					if a, err := strconv.Atoi(e.Target.Get("value").String()); err == nil {
						v.Store.SetNudge(v.Store.State().Walk.Unit, float64(a)/100)
					}
				}))),
			elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("nudge-values")), vecty.Text(w.Values())),
			// The unit chosen, typed or clicked on the heat maps, for a
			// screen reader: the field's label changes silently.
			elem.Span(vecty.Markup(prop.ID("nudge-said"), vecty.Class("sr-only"), vecty.Attribute("aria-live", "polite")),
				vecty.Text(fmt.Sprintf("Unit %d: %s.", w.Unit, webapp.UnitName(w.Unit, res.LatentShape)))),
			elem.Div(vecty.Markup(vecty.Class("nudge-tiles")),
				tile("nudge-before", "Decoded as it is", grayURL(res.DAE), "the decoder's image of the code as it is: the denoised digit", &res.DAEReading),
				nudgedTile(w)),
			// There from the start, empty while there is nothing to say.
			elem.Paragraph(vecty.Markup(prop.ID("nudge-note"), vecty.Class("hint"), vecty.Attribute("role", "status")), vecty.Text(nudgeNote(w, res))),
			// Back up to the heat maps, which a click on one brought the
			// page down from, a long way on a phone, for another unit.
			elem.Button(vecty.Markup(prop.ID("nudge-back"), vecty.Attribute("type", "button"),
				event.Click(func(*vecty.Event) {
					latent := js.Global().Get("document").Call("getElementById", "latent")
					if latent.Truthy() { // the keyboard's place goes up with the page (it can take the focus: tabindex −1)
						latent.Call("focus", map[string]any{"preventScroll": true})
					}
					bringIntoView(latent)
				})),
				vecty.Text("Back to the code's heat maps")),
		)
	}
	return elem.Section(vecty.Markup(vecty.Class("panel", "walk"), prop.ID("walk")),
		elem.Heading2(vecty.Text("Walk the code space")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("walk-about")), vecty.Text("The encoder turns a digit into its code (shown as heat maps under the results); the decoder turns any code back into a picture. Slide from one digit's code to another's to see what lies between them. A button takes the code of the model input shown, noise and all, from the model chosen; a walk keeps the model its ends were taken with, even if another is chosen afterwards.")),
		elem.Div(vecty.Markup(vecty.Class("tiles")),
			end("A", w.A),
			elem.Div(vecty.Markup(vecty.Class("between")),
				elem.Label(vecty.Markup(prop.For("walk-t"), vecty.Class("hint"), prop.ID("walk-t-label")), vecty.Text(walkLabel(w))),
				elem.Input(vecty.Markup(prop.ID("walk-t"), prop.Type(prop.TypeRange), vecty.Attribute("min", "0"), vecty.Attribute("max", "100"), vecty.Attribute("step", "5"),
					vecty.Attribute("aria-valuetext", walkValueText(w)),
					prop.Disabled(w.Between == nil),
					vecty.Property("value", strconv.Itoa(int(100*w.T+0.5))),
					event.Input(func(e *vecty.Event) {
						if t, err := strconv.Atoi(e.Target.Get("value").String()); err == nil {
							v.Store.SetWalkT(float64(t) / 100)
						}
					}))),
				between,
			),
			end("B", w.B),
		),
		note, said,
		elem.Heading2(vecty.Text("What one code unit does")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("nudge-about")), vecty.Text("The code is a stack of small maps of numbers (the heat maps under the results). Pick one number by its map, row and column (or click it on the heat maps), nudge it, and see what the decoder makes of the code changed.")),
		nudge,
	)
}

// nudgedTile is the decoder's image of the nudged code, titled for a
// nudge of 0 too.
func nudgedTile(w webapp.Walk) vecty.ComponentOrHTML {
	title, alt := "Decoded with the unit nudged", "the decoder's image of the nudged code"
	if w.Nudge == 0 {
		title, alt = "Not nudged yet: move the slider", "the decoder's image of the code, not nudged yet"
	}
	return tile("nudge-image", title, grayURL(w.Nudged), alt, &w.NudgedReading)
}

// nudgeNote says when a nudge changes nothing to see: the decoder makes
// little of that unit for this digit.
func nudgeNote(w webapp.Walk, res *webapp.Result) string {
	if w.Nudge == 0 || w.NudgeShows(res) {
		return ""
	}
	return fmt.Sprintf("This nudge changes no pixel by more than %.0f %% of the grey scale, nothing to see: the decoder makes little of this unit for this digit (its map may be dark, off). Try another unit, or a larger nudge.", 100*webapp.NudgeSeen)
}

// walkLabel names the slider between A and B and, once an end is taken,
// whose codes the walk is between (both ends' denoiser: SetWalkEnd codes
// the other end again when they differ), as the models can be switched
// under it.
func walkLabel(w webapp.Walk) string {
	for _, e := range []*webapp.WalkEnd{w.A, w.B} {
		if e != nil {
			return "From A to B, codes of " + e.Title
		}
	}
	return "From A to B"
}

// walkValueText is what a screen reader says of the slider between A and
// B: where it is and what the decoder's picture there reads, which is
// what moving it changes (the picture's caption is not read out).
func walkValueText(w webapp.Walk) string {
	text := fmt.Sprintf("%.0f %% of the way from A to B", 100*w.T)
	if w.Between != nil {
		text += "; the decoder's picture reads " + w.BetweenReading.String()
	}
	return text
}
