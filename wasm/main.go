//go:build js && wasm

// Command wasm is the browser app: the vecty components that render the
// state kept by webapp.Store and dispatch its actions, and the code that
// talks to the browser (fetching weights, decoding uploads, canvases). The
// logic itself is in package webapp, tested natively. Build it with
// `make wasm`; index.html loads it.
package main

import (
	"syscall/js"

	"github.com/hexops/vecty"

	"github.com/godae/dae/webapp"
)

func main() {
	mark("go-main")
	vecty.SetTitle("Denoise a digit — godae")
	app := newApp()
	// Paste an image anywhere on the page.
	js.Global().Get("document").Call("addEventListener", "paste", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !app.store.State().Ready {
			return nil
		}
		if f, ok := firstFile(args[0].Get("clipboardData").Get("files")); ok {
			args[0].Call("preventDefault")
			go uploadFile(app.store, f)
		}
		return nil
	}))
	dropAnywhere(app.store)
	app.load()
	mark("first-result")
	if err := vecty.RenderInto("body", app); err != nil {
		panic(err) // cannot happen: index.html has a body and Render returns one
	}
	mark("page-built")
	app.shown = true
	if app.store.State().Ready {
		afterPaint(func() {
			app.complete = true
			vecty.Rerender(app) // on the next animation frame
			go app.loadStrong()
			// After that frame's render: frame callbacks run in the order
			// they were asked for.
			onFrame(func() {
				js.Global().Get("document").Get("body").Call("setAttribute", "data-ready", "true")
			})
		})
	}
	select {} // serve the page's events
}

// mark sets a performance mark: make bench reads them to say where the
// time to the first denoised image goes.
func mark(name string) {
	js.Global().Get("performance").Call("mark", name)
}

// afterPaint runs f once the browser has painted what is on the page: in
// a task queued from the next animation frame, which comes before that
// frame's paint. A page opened in a background tab has no frames until it
// is shown; there f runs in a task at once.
func afterPaint(f func()) {
	task := callOnce(f)
	if js.Global().Get("document").Get("hidden").Bool() {
		js.Global().Call("setTimeout", task, 0)
		return
	}
	onFrame(func() { js.Global().Call("setTimeout", task, 0) })
}

// nextTask blocks its goroutine until a task of the browser's queued now
// runs, so that the browser runs what came before it (input, rendering).
// A time.Sleep of a millisecond, which the plot used before, did not
// always: the e2e test saw one task of the page compute four of the plot's
// steps.
func nextTask() {
	done := make(chan struct{})
	js.Global().Call("setTimeout", callOnce(func() { close(done) }), 0)
	<-done
}

// onFrame runs f in the next animation frame's callbacks, after those
// asked for before it.
func onFrame(f func()) {
	js.Global().Call("requestAnimationFrame", callOnce(f))
}

// callOnce is a JavaScript function that runs f and then releases itself,
// for a callback the browser calls once.
func callOnce(f func()) js.Func {
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		f()
		return nil
	})
	return fn
}

// dropAnywhere makes a file dropped anywhere on the page an upload, rather
// than a page the browser opens in the app's place, which would lose what
// is shown; one dropped on a file input (the weights') is that input's. The
// upload tab's picker then names the file, as if it was chosen with it.
func dropAnywhere(s *webapp.Store) {
	doc := js.Global().Get("document")
	onInput := func(e js.Value) bool {
		t := e.Get("target")
		return t.Get("tagName").String() == "INPUT" && t.Get("type").String() == "file"
	}
	doc.Call("addEventListener", "dragover", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !onInput(args[0]) {
			args[0].Call("preventDefault")
		}
		return nil
	}))
	doc.Call("addEventListener", "drop", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if onInput(e) {
			return nil
		}
		e.Call("preventDefault")
		files := e.Get("dataTransfer").Get("files")
		f, ok := firstFile(files)
		if !ok || !s.State().Ready {
			return nil
		}
		if picker := doc.Call("getElementById", "upload"); picker.Truthy() {
			picker.Set("files", files)
		}
		go uploadFile(s, f)
		return nil
	}))
}
