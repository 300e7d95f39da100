//go:build js && wasm

package main

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"
)

// Folded is a table of numbers folded under a summary (a details
// element), made only while it is open. Folded, the code's numbers and the
// plot's (up to some 300 elements of the page's 600) were made and
// compared anew at every render, every step of a slider, unseen: a screen
// reader does not read a closed details' content either (nor does a
// browser's find in the page find it, which it would in a closed details).
type Folded struct {
	vecty.Core
	ID      string                       `vecty:"prop"`
	Summary string                       `vecty:"prop"`
	Content func() vecty.ComponentOrHTML `vecty:"prop"` // what it holds, made when it is opened and while it is open
	open    bool
}

// Render draws the summary, and the content while the person has it open.
func (f *Folded) Render() vecty.ComponentOrHTML {
	var content vecty.ComponentOrHTML = vecty.List{} // a list either way: vecty matches children by place
	if f.open {
		content = f.Content()
	}
	// Its open state said too, so that a details element the renderer
	// reuses for this one is not left open with nothing in it.
	return elem.Details(vecty.Markup(vecty.Class("more-numbers"), prop.ID(f.ID), vecty.Property("open", f.open),
		&vecty.EventListener{Name: "toggle", Listener: func(e *vecty.Event) {
			if open := e.Target.Get("open").Bool(); open != f.open {
				f.open = open
				vecty.Rerender(f)
				// The results' column may scroll now, or no longer: its
				// stop is set again once the table is in (after vecty's
				// frame callback, asked for first).
				onFrame(scrollStop)
			}
		}}),
		elem.Summary(vecty.Text(f.Summary)), content)
}
