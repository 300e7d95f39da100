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

// DenoiserPicker chooses the current tab's denoiser: the seed's model or
// the strong model.
type DenoiserPicker struct {
	vecty.Core
	Store   *webapp.Store   `vecty:"prop"`
	InUse   webapp.Denoiser `vecty:"prop"`
	Status  string          `vecty:"prop"` // State.Strong: "" once the strong model is loaded
	Failed  bool            `vecty:"prop"` // State.StrongFailed
	Weights string          `vecty:"prop"` // State.Weights: the seed's model's
	Retry   func()          `vecty:"prop"` // loads the strong model again, after it could not be
}

// Render draws one radio button per denoiser and a line under them.
func (d *DenoiserPicker) Render() vecty.ComponentOrHTML {
	// A strong model that could not be loaded cannot be chosen: the seed's
	// model stands in for it, and the picker says so.
	shown := d.InUse
	if d.Failed {
		shown = webapp.Seed
	}
	radio := func(which webapp.Denoiser, hint string) vecty.ComponentOrHTML {
		id := "denoiser-" + string(which)
		// What each denoiser is shows under the buttons for the one chosen;
		// for both, on hovering and, for a screen reader, as each button's
		// description (the spans at the picker's end).
		return elem.Label(vecty.Markup(prop.For(id), vecty.Attribute("title", hint)),
			elem.Input(vecty.Markup(prop.ID(id), prop.Type(prop.TypeRadio), prop.Name("denoiser"), prop.Value(string(which)),
				vecty.Attribute("aria-describedby", id+"-about"),
				prop.Checked(shown == which),
				prop.Disabled(d.Failed && which == webapp.Strong),
				event.Change(func(*vecty.Event) { d.Store.UseDenoiser(which) }),
			)),
			vecty.Text(" "+d.title(which)),
		)
	}
	// The line under the buttons says how the strong model's loading
	// goes, and once it is loaded what the chosen denoiser is: the line
	// stays, so that nothing under the picker moves when the status goes.
	var line vecty.ComponentOrHTML
	if d.Failed || d.Status != "" && shown == webapp.Strong { // the loading line where the strong model is wanted
		var retry vecty.ComponentOrHTML
		if d.Failed {
			retry = elem.Button(vecty.Markup(prop.ID("strong-retry"), vecty.Attribute("type", "button"), vecty.Class("small"),
				event.Click(func(*vecty.Event) { d.Retry() })), vecty.Text("Try again"))
		}
		line = elem.Paragraph(vecty.Markup(vecty.Class("hint"), vecty.ClassMap{"loading": !d.Failed}, prop.ID("strong-status"), vecty.Attribute("role", "status")), vecty.Text(d.Status+" "), retry)
	} else {
		line = elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("denoiser-about")), vecty.Text(d.about(shown)))
	}
	return elem.FieldSet(vecty.Markup(vecty.Class("panel", "denoiser"), prop.ID("denoiser")),
		elem.Legend(vecty.Text("Denoiser")),
		radio(webapp.Seed, d.about(webapp.Seed)),
		radio(webapp.Strong, d.about(webapp.Strong)),
		line,
		// Hidden, not only out of sight: a screen reader reading the page
		// through hears the chosen one's words once, in the line above.
		elem.Span(vecty.Markup(prop.ID("denoiser-seed-about"), vecty.Attribute("hidden", true)), vecty.Text(d.about(webapp.Seed))),
		elem.Span(vecty.Markup(prop.ID("denoiser-strong-about"), vecty.Attribute("hidden", true)), vecty.Text(d.about(webapp.Strong))),
	)
}

// about says what denoiser which is: the person's weights, in the seed's
// model's place, when they gave some.
func (d *DenoiserPicker) about(which webapp.Denoiser) string {
	if which == webapp.Seed && d.Weights != webapp.BundledWeights {
		return fmt.Sprintf("Your weights (%s), in place of the seed's model.", d.Weights)
	}
	return which.About()
}

// title is what the picker calls denoiser which: the seed's model is the
// person's weights when they gave some, as the captions say.
func (d *DenoiserPicker) title(which webapp.Denoiser) string {
	if which == webapp.Seed && d.Weights != webapp.BundledWeights {
		return "your weights"
	}
	return which.Title()
}
