//go:build js && wasm

package main

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"
)

// Tabs chooses how the person gives the page a digit.
type Tabs struct {
	vecty.Core
	App  *App   `vecty:"prop"`
	Mode string `vecty:"prop"`
}

// Render draws one button per input mode.
func (t *Tabs) Render() vecty.ComponentOrHTML {
	tab := func(mode, label string) vecty.ComponentOrHTML {
		return elem.Button(
			vecty.Markup(
				prop.ID("tab-"+mode),
				vecty.Attribute("type", "button"),
				vecty.Attribute("role", "tab"),
				vecty.Attribute("aria-selected", t.Mode == mode),
				vecty.ClassMap{"active": t.Mode == mode},
				event.Click(func(*vecty.Event) { t.App.setMode(mode) }),
			),
			vecty.Text(label),
		)
	}
	return elem.Navigation(
		vecty.Markup(vecty.Class("tabs"), vecty.Attribute("role", "tablist"), vecty.Attribute("aria-label", "Input")),
		tab(ModeGallery, "Pick a sample"),
		tab(ModeUpload, "Upload an image"),
		tab(ModeDraw, "Draw a digit"),
	)
}
