//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// drawingKey is where the page keeps the drawing, in the tab's
// sessionStorage, so that a reload shows it again (the address brings the
// draw tab back, webapp.Link). It stays in that tab of the browser, on the
// person's machine, and goes when the tab is closed.
const drawingKey = "godae-drawing"

// maxKeptDrawing is the longest kept drawing the page reads back, in
// bytes: the canvas as a PNG data URL, which is far shorter even for a
// canvas scribbled all over; anything longer was not written by the page.
const maxKeptDrawing = 1 << 20

// pngDataURL is how a kept drawing begins.
const pngDataURL = "data:image/png;base64,"

// storage calls method of the tab's sessionStorage with args, and says
// what it returned or why it could not: where the browser refuses the
// page site data, even reading window.sessionStorage throws, and a
// js.Value's Get would let that through the Go code that read it (only
// calls are caught: thrown), so it is read by a call too.
func storage(method string, args ...any) (js.Value, error) {
	var s, v js.Value
	if err := thrown(func() { s = js.Global().Get("Reflect").Call("get", js.Global(), "sessionStorage") }); err != nil {
		return v, err
	}
	if !s.Truthy() {
		return v, errors.New("the browser has no sessionStorage")
	}
	err := thrown(func() { v = s.Call(method, args...) })
	return v, err
}

// notKept says, while the browser keeps nothing the page writes, that a
// reload will not bring the drawing back (the draw pad shows it), and is
// "" otherwise.
var notKept string

// keepDrawing keeps the picture of canvas c (the drawing's) for a reload.
// Where the browser keeps nothing (site data blocked, or its storage
// full), the drawing is simply not kept: the draw pad says so (notKept),
// and the console why.
func keepDrawing(c js.Value) {
	if !c.Truthy() {
		return
	}
	var url js.Value
	err := thrown(func() { url = c.Call("toDataURL", "image/png") })
	if err == nil {
		_, err = storage("setItem", drawingKey, url)
	}
	if err != nil {
		notKept = "This browser keeps nothing for the page (its site data blocked, or full): a reload will not bring the drawing back."
		js.Global().Get("console").Call("warn", "godae: the drawing is not kept for a reload: "+err.Error())
		return
	}
	notKept = ""
}

// forgetDrawing drops the kept drawing (the canvas was cleared, or what
// was kept is not a drawing of the page's).
func forgetDrawing() {
	_, _ = storage("removeItem", drawingKey)
}

// restoreDrawing brings back the drawing kept before a reload, if there is
// one and nothing was drawn since the page opened. It decodes a picture,
// so it runs on a goroutine of its own, after the first view. Once it is
// done, the body's data-kept-drawing says what came of it (restoreKept),
// as data-strong says where the strong model stands.
func restoreDrawing(store *webapp.Store) {
	js.Global().Get("document").Get("body").Call("setAttribute", "data-kept-drawing", restoreKept(store))
}

// restoreKept is restoreDrawing's work: it says "none" (nothing kept, or
// no storage), "dropped" (what was kept is not the page's drawing),
// "drawn" (drawn on since the page opened) or "restored".
func restoreKept(store *webapp.Store) string {
	kept, err := storage("getItem", drawingKey)
	if err != nil || kept.Type() != js.TypeString {
		return "none"
	}
	// The browser holds at most a few MiB for the page; a string is not an
	// object, so its length is read in Go.
	if k := kept.String(); len(k) > maxKeptDrawing || !strings.HasPrefix(k, pngDataURL) {
		forgetDrawing()
		return "dropped"
	}
	img := js.Global().Get("Image").New()
	img.Set("src", kept)
	if _, err := await(img.Call("decode")); err != nil || img.Get("naturalWidth").Int() != drawSide || img.Get("naturalHeight").Int() != drawSide {
		forgetDrawing()
		return "dropped"
	}
	if drawn.Truthy() {
		return "drawn" // drawn on since the page opened: that drawing is the one
	}
	off := js.Global().Get("document").Call("createElement", "canvas")
	off.Set("width", drawSide)
	off.Set("height", drawSide)
	ctx := off.Call("getContext", "2d")
	ctx.Call("drawImage", img, 0, 0)
	drawn = ctx.Call("getImageData", 0, 0, drawSide, drawSide)
	if c := canvas(); c.Truthy() { // the draw tab is shown: its canvas was painted white
		context2D(c).Call("putImageData", drawn, 0, 0)
	}
	store.RestoreDrawing(pixels(drawn), drawSide, drawSide)
	return "restored"
}

// pixels copies an ImageData's RGBA bytes into Go.
func pixels(data js.Value) []byte {
	d := data.Get("data")
	rgba := make([]byte, d.Get("length").Int())
	js.CopyBytesToGo(rgba, js.Global().Get("Uint8Array").New(d.Get("buffer")))
	return rgba
}
