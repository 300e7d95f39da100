//go:build js && wasm

package main

import (
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
}

// Render draws one button per input mode.
func (t *Tabs) Render() vecty.ComponentOrHTML {
	tab := func(mode webapp.Mode, label string) vecty.ComponentOrHTML {
		return elem.Button(
			vecty.Markup(
				prop.ID("tab-"+string(mode)),
				vecty.Attribute("type", "button"),
				vecty.Attribute("role", "tab"),
				vecty.Attribute("aria-selected", t.Mode == mode),
				vecty.ClassMap{"active": t.Mode == mode},
				event.Click(func(*vecty.Event) { t.Store.SetMode(mode) }),
			),
			vecty.Text(label),
		)
	}
	return elem.Navigation(
		vecty.Markup(vecty.Class("tabs"), vecty.Attribute("role", "tablist"), vecty.Attribute("aria-label", "Input")),
		tab(webapp.ModeGallery, "Pick a sample"),
		tab(webapp.ModeUpload, "Upload an image"),
		tab(webapp.ModeDraw, "Draw a digit"),
	)
}
