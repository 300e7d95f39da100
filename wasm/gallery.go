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

// Gallery shows MNIST test digits to pick from.
type Gallery struct {
	vecty.Core
	Store    *webapp.Store `vecty:"prop"`
	Selected int           `vecty:"prop"`
}

// thumbs are the gallery's pictures, made once.
var thumbs []string

// Render draws one button per sample digit.
func (g *Gallery) Render() vecty.ComponentOrHTML {
	samples := webapp.Samples()
	if thumbs == nil {
		for _, s := range samples {
			thumbs = append(thumbs, grayURL(s.Pixels))
		}
	}
	var items vecty.List
	for i, s := range samples {
		items = append(items, elem.Button(
			vecty.Markup(
				prop.ID(fmt.Sprintf("sample-%d", i)),
				vecty.Attribute("type", "button"),
				vecty.Attribute("aria-label", fmt.Sprintf("digit %d (MNIST test image %d)", s.Label, s.Index)),
				vecty.Attribute("aria-pressed", g.Selected == i),
				vecty.ClassMap{"sample": true, "active": g.Selected == i},
				event.Click(func(*vecty.Event) { g.Store.ShowSample(i) }),
			),
			elem.Image(vecty.Markup(prop.Src(thumbs[i]), prop.Alt(""))),
		))
	}
	return elem.Section(vecty.Markup(vecty.Class("panel"), prop.ID("gallery")),
		elem.Heading2(vecty.Text("MNIST test digits")),
		elem.Div(vecty.Markup(vecty.Class("gallery")), items),
	)
}
