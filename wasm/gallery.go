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

// sprite is the gallery's pictures, all in one (a column of digits), made
// once: one picture for the browser to decode, not one a digit.
var sprite string

// Render draws one button per sample digit, each showing its part of the
// sprite (style.css's .thumb, with the sprite and its height in digits set
// on the gallery). Only the digit shown is in the Tab order; the arrow
// keys, Home and End pick another and move the focus to it, so that the
// thirty digits are one Tab stop, not thirty.
func (g *Gallery) Render() vecty.ComponentOrHTML {
	samples := webapp.Samples()
	if sprite == "" {
		column := make([]float32, 0, len(samples)*webapp.Side*webapp.Side)
		for _, s := range samples {
			column = append(column, s.Pixels...)
		}
		sprite = pngURL(webapp.GrayImage(column, webapp.Side, len(samples)*webapp.Side))
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
				vecty.Attribute("tabindex", map[bool]string{true: "0", false: "-1"}[g.Selected == i]),
				event.Click(func(*vecty.Event) { g.Store.ShowSample(i) }),
				event.KeyDown(func(e *vecty.Event) {
					// Up and down: the digit above or below, or, all in one
					// row (a phone's), the one before or after.
					row := columns(".sample")
					if row == len(samples) {
						row = 1
					}
					if next, ok := arrowKey(e, i, len(samples), false, row); ok {
						g.Store.ShowSample(next)
						focusInSight(fmt.Sprintf("sample-%d", next))
					}
				}),
			),
			elem.Span(vecty.Markup(vecty.Class("thumb"), vecty.Style("background-position-y", fmt.Sprintf("%.4f%%", 100*float64(i)/float64(max(1, len(samples)-1)))))),
		))
	}
	return elem.Section(vecty.Markup(vecty.Class("panel"), prop.ID("gallery")),
		elem.Heading2(vecty.Markup(prop.ID("gallery-title")), vecty.Text("MNIST test digits"),
			elem.Span(vecty.Markup(vecty.Class("keys", "hint")), vecty.Text(" (the arrow keys move from one to the next)")),
			// Where the samples are one row (a phone): how many, and that
			// the row scrolls, which its fade alone hinted.
			elem.Span(vecty.Markup(vecty.Class("hint", "gallery-more")), vecty.Text(fmt.Sprintf(" — %d, in a row that scrolls sideways", len(samples))))),
		elem.Div(vecty.Markup(vecty.Class("gallery"), vecty.Attribute("role", "group"), vecty.Attribute("aria-labelledby", "gallery-title"), vecty.Style("--sprite", `url("`+sprite+`")`), vecty.Style("--sprite-digits", fmt.Sprint(len(samples)))), items),
	)
}
