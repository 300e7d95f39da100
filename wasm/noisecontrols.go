//go:build js && wasm

package main

import (
	"fmt"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// NoiseControls chooses the noise added to a gallery digit or a drawing.
type NoiseControls struct {
	vecty.Core
	Store *webapp.Store `vecty:"prop"`
	Noise webapp.Noise  `vecty:"prop"`
	// Untouched says that the noise's draw changed no pixel of the digit
	// (webapp.Result.Untouched).
	Untouched bool `vecty:"prop"`
}

// Render draws the kind selector, the amount slider and the re-roll button.
// Each changes one part of the store's noise (Store.ChangeNoise), not of
// n.Noise: a second change before the page draws again would undo the
// first.
func (n *NoiseControls) Render() vecty.ComponentOrHTML {
	var options vecty.List
	for _, k := range webapp.NoiseKinds {
		options = append(options, elem.Option(vecty.Markup(prop.Value(k.Kind), vecty.Property("selected", k.Kind == n.Noise.Kind)), vecty.Text(k.Label)))
	}
	return elem.Section(vecty.Markup(vecty.Class("panel", "noise")),
		elem.Label(vecty.Markup(prop.For("noise-kind")), vecty.Text("Noise")),
		elem.Select(vecty.Markup(prop.ID("noise-kind"), event.Change(func(e *vecty.Event) {
			kind := e.Target.Get("value").String()
			n.Store.ChangeNoise(func(to *webapp.Noise) { to.Kind = kind })
		})), options),
		// The label's value is for the eye: a screen reader hears it in
		// the slider's value text, and would hear it twice.
		elem.Label(vecty.Markup(prop.For("noise-amount")), vecty.Text("Amount"),
			elem.Span(vecty.Markup(vecty.Attribute("aria-hidden", "true")), vecty.Text(fmt.Sprintf(" %.2f", n.Noise.Amount)))),
		elem.Input(vecty.Markup(
			prop.ID("noise-amount"), prop.Type(prop.TypeRange),
			// Read out as what it does, not as its percent.
			vecty.Attribute("aria-valuetext", fmt.Sprintf("%.2f: %s", n.Noise.Amount, n.Noise.AmountSays())),
			// In percent: the browser's default range (0 to 100, step 1)
			// holds the value whatever order the attributes arrive in.
			vecty.Attribute("min", "0"), vecty.Attribute("max", "100"), vecty.Attribute("step", strconv.Itoa(webapp.AmountStep)),
			vecty.Property("value", strconv.Itoa(int(n.Noise.Amount*100+0.5))),
			event.Input(func(e *vecty.Event) {
				v, err := strconv.Atoi(e.Target.Get("value").String())
				if err != nil {
					return
				}
				n.Store.ChangeNoise(func(to *webapp.Noise) { to.Amount = float64(v) / 100 })
			}),
		)),
		// Off where there is nothing random to draw again (no noise).
		elem.Button(vecty.Markup(prop.ID("reroll"), vecty.Attribute("type", "button"), prop.Disabled(!n.Noise.Random()), event.Click(func(*vecty.Event) {
			n.Store.ChangeNoise(func(to *webapp.Noise) { to.Seed++ })
		})), vecty.Text("Re-roll noise")),
		// On a line of its own, under the slider: words of changing
		// length beside it moved it from under the pointer.
		elem.Paragraph(vecty.Markup(prop.ID("noise-amount-says"), vecty.Class("hint", "amount-says")), vecty.Text("The amount: "+n.Noise.AmountSays()+"."+n.untouched())),
	)
}

// untouched says, where the noise's draw changed no pixel, why and what
// to do: a small block on the black background looked like a control
// that does nothing.
func (n *NoiseControls) untouched() string {
	switch {
	case !n.Untouched:
		return ""
	case n.Noise.Kind == webapp.Occlusion:
		return " This one fell on the black background and changed nothing: Re-roll noise moves it."
	default:
		return " This draw changed no pixel: Re-roll noise draws another."
	}
}
