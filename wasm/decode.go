//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"image"
	"syscall/js"
	"time"

	"github.com/godae/dae/digitprep"
)

// decodeLimit is how long the browser may take to decode an upload before
// the page gives up on it with a message. Decoding runs off the page's
// thread, so the page answers meanwhile; within digitprep's limits a photo
// takes a fraction of this.
const decodeLimit = 5 * time.Second

// decodeWorker is the script that decodes uploads off the page's thread.
const decodeWorker = "web/decode.js"

// decoderLimit is how long the decoder's script may take to load before
// the page gives up with a message about the network: until the service
// worker keeps it, the script comes over the network, which may be slow or
// gone (it was said to be a decode that took too long).
const decoderLimit = 30 * time.Second

// errDecoderNotLoaded is what the page says of an upload when the
// decoder's script could not be loaded (one the server does not have fails
// as one the network did not bring: the browser says no more of either).
var errDecoderNotLoaded = errors.New("the page's picture decoder could not be loaded (is the network down?): try again once it is back")

// checking is held by the check under way: checkFile reads a whole file
// (up to digitprep.MaxBytes) into the page's memory, which WebAssembly
// never gives back, so files given in quick succession are checked one at
// a time, in the order given, not all at once.
var checking = make(chan struct{}, 1)

// checkFile applies digitprep's limits to an uploaded image file before
// any pixel of it is decoded: the file's size, its JPEG scans (from the
// bytes), and the image's size w×h (from the header, which an <img> reads
// without decoding the pixels), before the file may stop the decode of
// an upload under way (Store.PassedChecks). It waits for the browser, so
// it must run on its own goroutine. It also says whether the file is an
// animated picture (digitprep.Animated), of which the page reads the
// first frame.
func checkFile(file js.Value) (w, h int, animated bool, err error) {
	checking <- struct{}{}
	defer func() { <-checking }()
	if err := digitprep.CheckFileSize(file.Get("size").Int()); err != nil {
		return 0, 0, false, err
	}
	data, err := fileBytes(file, digitprep.MaxBytes)
	if err != nil {
		return 0, 0, false, err
	}
	if err := digitprep.CheckHeader(data); err != nil { // a JPEG's scans, and sizes the browser refuses without saying why
		return 0, 0, false, err
	}
	if digitprep.IsSVG(data) { // an <img> shows it; the decoder cannot
		return 0, 0, false, digitprep.NotImage(data)
	}
	var ok bool
	if w, h, ok = imageSize(file); !ok {
		return 0, 0, false, digitprep.NotImage(data)
	}
	return w, h, digitprep.Animated(data), digitprep.CheckSize(w, h)
}

// decodePart has the worker decode the part r of a file that checkFile
// has checked, scaled to digitprep.WorkSize of r's size.
func decodePart(ctx context.Context, file js.Value, r image.Rectangle) (image.Image, error) {
	return decodeIn(ctx, file, r, r.Dx(), r.Dy())
}

// decodeIn has the worker (decodeWorker) decode the part r of file (all of
// it if r is empty), w×h pixels, scaled to digitprep.WorkSize(w, h): no
// more than Prepare will use, on a thread of its own, as decoding and
// scaling a 40-megapixel photo takes long enough to freeze the page if it
// ran on the page's thread (drawImage and createImageBitmap's scaling do).
// The worker is terminated when its script takes longer than decoderLimit
// to load, its decoding longer than decodeLimit, or ctx ends. It waits for
// the browser, so it must run on its own goroutine; the page has the
// browser decode, so that the app carries no image decoders.
func decodeIn(ctx context.Context, file js.Value, r image.Rectangle, w, h int) (image.Image, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tw, th := digitprep.WorkSize(w, h)
	var worker js.Value
	if err := thrown(func() { worker = js.Global().Get("Worker").New(decodeWorker) }); err != nil {
		return nil, fmt.Errorf("the browser would not run the decoder (%s): %w", decodeWorker, err)
	}
	answer, ready := make(chan js.Value, 1), make(chan struct{}, 1)
	// The first answer counts; a later event never blocks the browser.
	give := func(v js.Value) {
		select {
		case answer <- v:
		default:
		}
	}
	onmessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if data := args[0].Get("data"); data.Type() == js.TypeObject && data.Get("ready").Truthy() {
			select {
			case ready <- struct{}{}:
			default:
			}
		} else {
			give(data)
		}
		return nil
	})
	onerror := js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		msg := js.Global().Get("Object").New()
		if why, notLoaded := workerError(args[0]); notLoaded {
			msg.Set("broken", errDecoderNotLoaded.Error())
		} else {
			msg.Set("broken", "the decoder ("+decodeWorker+") could not run: "+why)
		}
		give(msg)
		return nil
	})
	// The worker's handlers are taken off before their callbacks are
	// released, so that none is called after: an answer the worker posted
	// just before it was stopped (a newer upload) may still be on its way
	// (the likely cause of a "call to released function" that a test saw
	// once in a dozen runs).
	defer func() {
		worker.Set("onmessage", js.Null())
		worker.Set("onerror", js.Null())
		worker.Call("terminate")
		onmessage.Release()
		onerror.Release()
	}()
	worker.Set("onmessage", onmessage)
	worker.Set("onerror", onerror)
	msg := map[string]any{"file": file, "width": tw, "height": th}
	if !r.Empty() {
		msg["x"], msg["y"], msg["w"], msg["h"] = r.Min.X, r.Min.Y, r.Dx(), r.Dy()
	}
	if err := thrown(func() { worker.Call("postMessage", msg) }); err != nil {
		return nil, fmt.Errorf("the browser would not give the file to the decoder (%s): %w", decodeWorker, err)
	}
	var got js.Value
	answered := false
	select {
	case <-ready:
	case got = <-answer: // its script failed, or a worker that says no ready answered
		answered = true
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(decoderLimit):
		return nil, errDecoderNotLoaded
	}
	if !answered {
		select {
		case got = <-answer:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(decodeLimit):
			return nil, fmt.Errorf("the browser took more than %v to decode the image, so the page gave up on it; try a smaller or simpler file (a PNG or a baseline JPEG)", decodeLimit)
		}
	}
	if got.Type() != js.TypeObject {
		return nil, fmt.Errorf("the decoder (%s) answered no picture but %s", decodeWorker, got.Type())
	}
	if e := got.Get("broken"); e.Truthy() {
		return nil, errors.New(e.String())
	}
	if e := got.Get("error"); e.Truthy() {
		// The header was read (imageSize), the pixels were not. The
		// browser's own words (an InvalidStateError) say no more to a
		// person; they go to the console.
		js.Global().Get("console").Call("warn", "decoding an upload:", e)
		return nil, errors.New("the browser could not decode the picture: the file may be damaged or cut short")
	}
	pix := make([]byte, 4*tw*th)
	pixels := got.Get("pixels")
	n, ok := copyBytes(pix, pixels)
	if !ok {
		return nil, fmt.Errorf("the decoder (%s) answered no pixels but %s", decodeWorker, pixels.Type())
	}
	if n != len(pix) {
		return nil, fmt.Errorf("the browser gave %d bytes for %d×%d pixels", n, tw, th)
	}
	return &image.NRGBA{Pix: pix, Stride: 4 * tw, Rect: image.Rect(0, 0, tw, th)}, nil
}

// imageSize reads an image file's size as the browser sees it (after any
// EXIF rotation, as createImageBitmap applies it); ok is false when the
// browser cannot read it as an image. An <img> has its size once the
// header is read; it decodes pixels only when drawn, which this one never
// is.
func imageSize(file js.Value) (w, h int, ok bool) {
	url := js.Global().Get("URL").Call("createObjectURL", file)
	defer js.Global().Get("URL").Call("revokeObjectURL", url)
	img := js.Global().Get("document").Call("createElement", "img")
	loaded := make(chan bool, 1)
	onload := js.FuncOf(func(js.Value, []js.Value) any { loaded <- true; return nil })
	onerror := js.FuncOf(func(js.Value, []js.Value) any { loaded <- false; return nil })
	defer onload.Release()
	defer onerror.Release()
	img.Set("onload", onload)
	img.Set("onerror", onerror)
	img.Set("src", url)
	if !<-loaded {
		return 0, 0, false
	}
	return img.Get("naturalWidth").Int(), img.Get("naturalHeight").Int(), true
}
