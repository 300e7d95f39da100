//go:build js && wasm

package main

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// WeightsPicker lets the person use their own denoising weights, such as a
// file written by `make train`.
type WeightsPicker struct {
	vecty.Core
	Store *webapp.Store `vecty:"prop"`
	InUse string        `vecty:"prop"`
}

// Render draws the weights in use and a file picker for others.
func (w *WeightsPicker) Render() vecty.ComponentOrHTML {
	return elem.Section(vecty.Markup(vecty.Class("panel", "weights")),
		elem.Paragraph(vecty.Text("Denoising weights: "), elem.Strong(vecty.Markup(prop.ID("weights-in-use")), vecty.Text(w.InUse))),
		elem.Label(vecty.Markup(prop.For("weights-file")), vecty.Text("Use your own .safetensors file")),
		elem.Input(vecty.Markup(prop.ID("weights-file"), prop.Type(prop.TypeFile), vecty.Attribute("accept", ".safetensors"),
			event.Change(func(e *vecty.Event) {
				if f, ok := firstFile(e.Target.Get("files")); ok {
					go loadCustomWeights(w.Store, f)
				}
			}),
		)),
	)
}
