//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"
)

// await waits for a JavaScript promise. It must not run on the goroutine of
// a JavaScript callback (start a goroutine first), or it deadlocks.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var then, catch js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "unknown error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then).Call("catch", catch)
	r := <-ch
	return r.v, r.err
}

// copyBytes copies src into dst as js.CopyBytesToGo does, but says false,
// rather than panic, when src is not bytes (a Uint8Array or
// Uint8ClampedArray): what a worker posts is not trusted to be.
func copyBytes(dst []byte, src js.Value) (int, bool) {
	if !isBytes(src) {
		return 0, false
	}
	return js.CopyBytesToGo(dst, src), true
}

// isBytes says whether v is bytes js.CopyBytesToGo takes.
func isBytes(v js.Value) bool {
	return v.Type() == js.TypeObject && (v.InstanceOf(js.Global().Get("Uint8Array")) || v.InstanceOf(js.Global().Get("Uint8ClampedArray")))
}

// bytesOf copies an ArrayBuffer into Go memory.
func bytesOf(buf js.Value) []byte {
	u8 := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b
}

// startedFetch returns the body of url from the download boot.js started
// while the wasm compiled (window.godaeWeights), or downloads it as those
// are (godaeDownload: it gives up on a download that stalls).
func startedFetch(url string) ([]byte, error) {
	pending := js.Global().Get("godaeWeights")
	if !pending.Truthy() || !pending.Get(url).Truthy() {
		pending = js.Global().Call("godaeDownload", url)
	} else {
		pending = pending.Get(url)
	}
	buf, err := await(pending)
	if err != nil {
		return nil, fetchFailed(url, err)
	}
	return bytesOf(buf), nil
}

// fetchFailed is the error of a fetch of url that failed with err: a
// network that failed, or a download that stalled (boot.js's download
// names its error Stalled), said so (networkError), without the file's
// name, which says nothing more to a person (the browser's "TypeError:
// Failed to fetch" and the name go to the console), or err, with the name.
func fetchFailed(url string, err error) error {
	js.Global().Get("console").Call("warn", "fetching "+url+": "+err.Error())
	msg := err.Error()
	if strings.HasPrefix(msg, "TypeError") {
		return networkError("the network failed")
	}
	if why, ok := strings.CutPrefix(msg, "Stalled: "); ok {
		return networkError(why)
	}
	return fmt.Errorf("%s: %v", url, strings.TrimPrefix(msg, "Error: "))
}

// networkError is a download's error that the network is to blame for,
// which may be gone once it is back (the file was not found wanting).
type networkError string

func (e networkError) Error() string { return string(e) }

// fileBytes reads a File (from an input, a drop or a paste), refusing files
// over limit bytes before reading them. Its errors do not name the file:
// the message they go into does, once.
func fileBytes(file js.Value, limit int) ([]byte, error) {
	if size := file.Get("size").Int(); size > limit {
		return nil, fmt.Errorf("the file is %.1f MiB; the limit is %d MiB", float64(size)/(1<<20), limit>>20)
	}
	buf, err := await(file.Call("arrayBuffer"))
	if err != nil {
		return nil, fmt.Errorf("the file could not be read: %v", err)
	}
	return bytesOf(buf), nil
}

// firstFile returns the first file of a FileList-like value, if any.
func firstFile(files js.Value) (js.Value, bool) {
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return js.Value{}, false
	}
	return files.Index(0), true
}

// say puts text in the live region with id, if it is on the page, between
// renders: what it says follows something drawn between renders too (a
// box moved, a stroke ended), and the renderer leaves the text it did not
// set alone.
func say(id, text string) {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() {
		el.Set("textContent", text)
	}
}

// workerError is what a worker's error event e says went wrong: its
// message, or, for a script that could not be loaded (an event with no
// message: notLoaded), that.
func workerError(e js.Value) (msg string, notLoaded bool) {
	if m := e.Get("message"); m.Type() == js.TypeString && m.String() != "" {
		return m.String(), false
	}
	return "its script could not be loaded", true
}

// thrown runs f and returns what JavaScript threw in it (syscall/js
// panics with a js.Error then) as an error, so that what a browser
// refuses (a worker it will not start, a value it cannot post) is said,
// not a panic that stops the app; any other panic is a bug, and goes on.
func thrown(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	f()
	return nil
}

// bringIntoView scrolls el, if it is on the page, to the middle of the
// screen (its top, if it is taller than the screen, so that its start is
// in sight), smoothly unless the person asks for less motion.
func bringIntoView(el js.Value) {
	if !el.Truthy() {
		return
	}
	block := "center"
	if el.Call("getBoundingClientRect").Get("height").Float() > js.Global().Get("innerHeight").Float() {
		block = "start"
	}
	el.Call("scrollIntoView", map[string]any{"block": block, "behavior": scrollBehavior()})
}

// scrollBehavior is how the page scrolls of itself: smoothly, unless the
// person asks for less motion.
func scrollBehavior() string {
	if js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
		return "auto"
	}
	return "smooth"
}
