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
)

func main() {
	if js.Global().Get("godaePreparing").Truthy() { // in the worker that prepares uploads (web/prep.js)
		servePreparation()
		return
	}
	mark("go-main")
	vecty.SetTitle("Denoise a digit — godae")
	app := newApp()
	pasteAnywhere(app.store)
	dropAnywhere(app.store)
	app.followAddress(false)
	app.watchNewVersion()
	app.keptNote = keptNote()
	app.unstyled = unstyled()
	unread := interrupted()
	app.watchAddress()
	watchScrollStop()
	app.load()
	mark("first-result")
	if err := vecty.RenderInto("body", app); err != nil {
		panic(err) // cannot happen: index.html has a body and Render returns one
	}
	mark("page-built")
	scrollStop()
	app.shown = true
	if app.store.State().Ready {
		afterPaint(func() {
			app.complete = true
			vecty.Rerender(app) // on the next animation frame
			go app.loadStrong()
			app.retryWhenOnline()
			go restoreDrawing(app.store)
			go restoreUpload(app.store, unread)
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

// now is the page's clock (performance.now), in milliseconds.
func now() float64 { return js.Global().Get("performance").Call("now").Float() }

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
