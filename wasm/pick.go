//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// picked is the files of the upload the page was given last (pick), and
// once no upload is read, of the upload it shows (pickShown), from the
// picker, a drop or a paste, for the picker to name: it is drawn anew when
// its tab is chosen, a drop or a paste does not go through it, and it is
// emptied as it opens (so that the same file can be chosen again).
var picked js.Value

// pick reads file, one of given files dropped or pasted together, as an
// upload, and has the upload picker name it. A file dropped or pasted on
// another tab brings the upload tab forward at once, where the page says
// it is reading it: on the gallery, a large file gave no sign of being
// read until it was shown.
func pick(s *webapp.Store, file js.Value, given int) {
	if s.State().Mode != webapp.ModeUpload {
		s.SetMode(webapp.ModeUpload)
	}
	setPicked(file)
	name := uploadName(file, given)
	t := s.StartUpload(name)
	go uploadFile(s, file, name, t)
}

// uploadName is what the page calls the upload of file, one of given
// files dropped or pasted together, of which it reads one (firstImage).
func uploadName(file js.Value, given int) string {
	name := file.Get("name").String()
	if given > 1 {
		name += fmt.Sprintf(" (of %d files given, the page reads one picture)", given)
	}
	return name
}

// pickShown has the upload picker name the file of the upload shown, or
// none, once an upload is done: a file refused is named in the status
// line, not in the picker, which names the picture still shown.
func pickShown(s *webapp.Store) {
	var files []js.Value
	if u := s.State().Upload; u != nil {
		if src, ok := sources.get(u.URL); ok {
			files = append(files, src.file)
		}
	}
	setPicked(files...)
}

// setPicked has the upload picker name files (none, or one).
func setPicked(files ...js.Value) {
	dt := js.Global().Get("DataTransfer").New()
	for _, f := range files {
		dt.Get("items").Call("add", f)
	}
	picked = dt.Get("files")
	showPicked()
}

// showPicked has the upload picker, if it is on the page, name the files
// read last.
func showPicked() {
	if el := js.Global().Get("document").Call("getElementById", "upload"); el.Truthy() && picked.Truthy() {
		el.Set("files", picked)
	}
}

// pasteAnywhere makes an image pasted anywhere on the page an upload.
func pasteAnywhere(s *webapp.Store) {
	js.Global().Get("document").Call("addEventListener", "paste", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !s.State().Ready {
			return nil
		}
		if f, given, ok := firstImage(args[0].Get("clipboardData").Get("files")); ok {
			args[0].Call("preventDefault")
			pick(s, f, given)
		}
		return nil
	}))
}

// dropAnywhere makes a file dropped anywhere on the page an upload, rather
// than a page the browser opens in the app's place, which would lose what
// is shown; one dropped on a file input (the weights') is that input's. A
// drop that holds no file (a picture dragged from another page is a link)
// is refused with a message.
func dropAnywhere(s *webapp.Store) {
	doc := js.Global().Get("document")
	onInput := func(e js.Value) bool {
		t := e.Get("target")
		return t.Get("tagName").String() == "INPUT" && t.Get("type").String() == "file"
	}
	// While files are dragged over the page, it says that a drop is an
	// upload (style.css draws body.drop-target). The drag is over the page
	// until it has left as many elements as it entered (a leave's
	// relatedTarget, which would say it left the window, is null in
	// Safari at every element).
	target := func(on bool) { doc.Get("body").Get("classList").Call("toggle", "drop-target", on) }
	entered := 0
	doc.Call("addEventListener", "dragenter", js.FuncOf(func(_ js.Value, args []js.Value) any {
		entered++
		return nil
	}))
	doc.Call("addEventListener", "dragleave", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if entered = max(0, entered-1); entered == 0 {
			target(false)
		}
		return nil
	}))
	doc.Call("addEventListener", "dragover", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if !onInput(e) {
			e.Call("preventDefault")
		}
		target(!onInput(e) && e.Get("dataTransfer").Get("types").Call("includes", "Files").Bool())
		return nil
	}))
	doc.Call("addEventListener", "drop", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		entered = 0
		target(false)
		if onInput(e) {
			return nil
		}
		e.Call("preventDefault")
		if !s.State().Ready {
			return nil
		}
		if f, given, ok := firstImage(e.Get("dataTransfer").Get("files")); ok {
			pick(s, f, given)
			return nil
		}
		const name = "what was dropped"
		s.FinishUpload(s.StartUpload(name), name, "", nil, errNoFile)
		return nil
	}))
}

// errNoFile is the refusal of a drop that holds no file.
var errNoFile = errors.New("not a file, but a link or text (a picture dragged from another page is its address): save the picture and drop or choose the file, or copy the picture and paste it here")

// readTypes are the types of the pictures the page reads (the file input
// offers them; the checks in digitprep refuse others, saying what they are).
var readTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

// firstImage is the first of files of a type the page reads, or else the
// first that says it is an image, or else the first of them (which
// preparation then refuses, saying what it is): of several files dropped
// at once, the picture is taken, a PNG before an SVG. given is how many
// files there are.
func firstImage(files js.Value) (f js.Value, given int, ok bool) {
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return js.Value{}, 0, false
	}
	given = files.Get("length").Int()
	for _, fits := range []func(string) bool{
		func(t string) bool { return slices.Contains(readTypes, t) },
		func(t string) bool { return strings.HasPrefix(t, "image/") },
	} {
		for i := range given {
			if fits(files.Index(i).Get("type").String()) {
				return files.Index(i), given, true
			}
		}
	}
	return files.Index(0), given, true
}
