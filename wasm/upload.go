//go:build js && wasm

package main

import (
	"fmt"
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/webapp"
)

// Upload takes an image file from a file picker or a drop; pasting an image
// anywhere on the page works too (see main.go).
type Upload struct {
	vecty.Core
	Store   *webapp.Store `vecty:"prop"`
	Reading string        `vecty:"prop"` // State.Reading
	Shown   string        `vecty:"prop"` // the name of the upload shown, or ""
	NoDigit bool          `vecty:"prop"` // no digit was found in it (said under its picture: webapp.Upload.Note)
	Refusal string        `vecty:"prop"` // State.UploadMessage
}

// Mount has the picker, drawn anew when the tab is chosen, name the file
// read last.
func (u *Upload) Mount() { showPicked() }

// Render draws the drop zone with its file picker.
func (u *Upload) Render() vecty.ComponentOrHTML {
	return elem.Section(
		vecty.Markup(
			// A drop here, as anywhere on the page, is an upload
			// (dropAnywhere).
			vecty.Class("panel", "dropzone"), prop.ID("dropzone"),
		),
		// A heading as the other tabs' panels have, for a screen reader
		// moving from heading to heading.
		elem.Heading2(elem.Label(vecty.Markup(prop.For("upload")), vecty.Text("Choose an image of a digit"))),
		elem.Input(vecty.Markup(
			prop.ID("upload"), prop.Type(prop.TypeFile),
			vecty.Attribute("accept", strings.Join(readTypes, ",")),
			// Emptied as the picker opens, so that the file chosen last can
			// be chosen again (after it was changed) and is read anew; it
			// names that file again if none is chosen.
			event.Click(func(e *vecty.Event) { e.Target.Set("value", "") }),
			&vecty.EventListener{Name: "cancel", Listener: func(*vecty.Event) { showPicked() }},
			event.Change(func(e *vecty.Event) {
				if f, ok := firstFile(e.Target.Get("files")); ok {
					pick(u.Store, f, 1)
				}
			}),
		)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")),
			elem.Span(vecty.Markup(vecty.Class("keys")), vecty.Text("…or drop one here, or paste it (Ctrl+V). ")),
			vecty.Text(fmt.Sprintf("PNG, JPEG, GIF or WebP, up to %d MiB and %d megapixels; dark on light or light on dark, photographed or scanned.",
				digitprep.MaxBytes>>20, digitprep.MaxPixels/1_000_000)),
		),
		// Always there, its line kept, so that the page does not move when
		// it speaks, and a screen reader hears it.
		elem.Paragraph(vecty.Markup(prop.ID("upload-status"), vecty.Class("status", "upload-status"), vecty.ClassMap{"refused": u.Refusal != "", "under-way": u.Reading != "" && u.Refusal == ""}, vecty.Attribute("role", "status")), vecty.Text(u.status())),
	)
}

// status says which file the page is reading, or else why the last one
// given was refused, and which it shows (and whether a digit was found in
// it).
func (u *Upload) status() string {
	switch {
	case u.Reading != "" && u.Refusal != "": // a file refused while an earlier one is read
		return u.Refusal + ". Still reading " + u.Reading + "…"
	case u.Reading != "":
		return "Reading " + u.Reading + " and finding its digit…"
	case u.Shown != "" && strings.HasPrefix(u.Refusal, u.Shown+":"):
		// A file of the name shown: "not shown" and "still shown" of one
		// name said both of one file.
		return u.Refusal + ". Still shown: the " + u.Shown + " given before it"
	case u.Refusal != "" && u.Shown != "":
		return u.Refusal + ". Still shown: " + u.Shown
	case u.Refusal != "":
		return u.Refusal + "."
	case u.Shown != "" && u.NoDigit:
		// Said here too: the picture, shown large, can take the first
		// screen, and what is said under it then comes below it.
		return "Shown: " + u.Shown + ", in which no digit was found: see under the picture"
	case u.Shown != "":
		return "Shown: " + u.Shown
	}
	return ""
}
