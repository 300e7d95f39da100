//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"image"
	"sync"
	"syscall/js"
	"time"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/webapp"
)

// prepWorker is the script of the worker that prepares uploads: it runs
// this program, posted to it compiled by the page (boot.js keeps the
// module), in the mode servePreparation serves.
const prepWorker = "web/prep.js"

// prepLimit is how long the page waits for the worker to prepare a
// picture before it takes the worker for broken (one that was stopped or
// hangs says nothing): as long as the page gives the browser to decode
// one, of which preparing, within digitprep's limits, takes a fraction.
const prepLimit = decodeLimit

// maxPrepFailures is how many times in a row the worker may fail before
// the page gives up on it and prepares every picture itself, for the rest
// of the visit: a worker that cannot start (its script not served, a
// browser that refuses it) would otherwise cost each upload a new try.
const maxPrepFailures = 3

// workerPrep is the page's webapp.Preparer: it has a worker (prepWorker)
// prepare uploads, boxes drawn on them and finer looks at them, one at a
// time, so that the page answers meanwhile. Where the worker cannot
// start, or breaks, the picture is prepared on the page's thread, as
// before there was a worker, and the next one starts a new worker (up to
// maxPrepFailures in a row). The body's data-prepared says where the last
// picture was prepared ("worker" or "page"), for the tests.
type workerPrep struct {
	mu       sync.Mutex // held by the picture being prepared
	worker   js.Value   // undefined until a picture is given, or after it broke
	answers  chan js.Value
	funcs    []js.Func // the worker's callbacks, released with it
	asked    int       // pictures posted, each the id of its message
	failures int       // in a row; at maxPrepFailures the page gives up on the worker
}

func (p *workerPrep) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	a, err := p.ask(img, webapp.PrepRequest{})
	if err != nil {
		preparedIn("page")
		return webapp.Here{}.Prepare(img)
	}
	return a.Prepared()
}

func (p *workerPrep) Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool) {
	a, err := p.ask(part, webapp.PrepRequest{Coarse: &coarse, Area: [4]float64{left, top, right, bottom}})
	if err != nil {
		preparedIn("page")
		return webapp.Here{}.Refine(part, coarse, left, top, right, bottom)
	}
	return a.Input, a.Info, a.Refined
}

// errGaveUp is ask's error once the worker failed maxPrepFailures times in
// a row.
var errGaveUp = errors.New("the page gave up on its worker")

// preparedIn marks the body with where the last picture was prepared.
func preparedIn(where string) {
	js.Global().Get("document").Get("body").Call("setAttribute", "data-prepared", where)
}

// ask posts img and req to the worker, started if need be, and waits for
// its answer. When the worker fails, it is stopped (the next picture
// starts a new one) and the console says why; after maxPrepFailures in a
// row, the page gives up on it (errGaveUp, said once).
func (p *workerPrep) ask(img image.Image, req webapp.PrepRequest) (webapp.PrepAnswer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.failures >= maxPrepFailures {
		return webapp.PrepAnswer{}, errGaveUp
	}
	a, err := p.tryAsk(img, req)
	if err == nil {
		p.failures = 0
		preparedIn("worker")
		return a, nil
	}
	p.stop()
	p.failures++
	msg := "preparing the picture on the page's thread: " + err.Error()
	if p.failures == maxPrepFailures {
		msg += fmt.Sprintf("; after %d failures in a row, the page prepares every picture itself from now on", maxPrepFailures)
	}
	js.Global().Get("console").Call("warn", msg)
	return webapp.PrepAnswer{}, err
}

// tryAsk is ask's one try. What the browser throws (a worker it refuses,
// a module it cannot post) is an error too, not a panic (thrown).
func (p *workerPrep) tryAsk(img image.Image, req webapp.PrepRequest) (a webapp.PrepAnswer, err error) {
	if err := p.start(); err != nil {
		return a, err
	}
	pix, w, h := webapp.RGBA(img)
	q, err := req.JSON()
	if err != nil {
		return a, err
	}
	arr := js.Global().Get("Uint8Array").New(len(pix))
	js.CopyBytesToJS(arr, pix)
	p.asked++
	id := p.asked
	msg := map[string]any{"id": id, "pixels": arr, "width": w, "height": h, "request": q}
	if err := thrown(func() { p.worker.Call("postMessage", msg, []any{arr.Get("buffer")}) }); err != nil {
		return a, fmt.Errorf("the worker (%s) could not be given the picture: %w", prepWorker, err)
	}
	deadline := time.After(prepLimit)
	for {
		var m js.Value
		select {
		case m = <-p.answers:
		case <-deadline:
			return a, fmt.Errorf("the worker (%s) gave no answer in %v", prepWorker, prepLimit)
		}
		if m.Type() != js.TypeObject {
			return a, fmt.Errorf("the worker (%s) answered no message but %s", prepWorker, m.Type())
		}
		if e := m.Get("broken"); e.Truthy() {
			return a, fmt.Errorf("the worker (%s) could not run: %s", prepWorker, e.String())
		}
		if v := m.Get("id"); v.Type() != js.TypeNumber || v.Int() != id {
			continue // cannot happen: one picture at a time
		}
		if e := m.Get("error"); e.Truthy() {
			return a, fmt.Errorf("the worker (%s): %s", prepWorker, e.String())
		}
		answer := m.Get("answer")
		if answer.Type() != js.TypeString {
			return a, fmt.Errorf("the worker (%s) answered no text but %s", prepWorker, answer.Type())
		}
		input := m.Get("input")
		if !isBytes(input) {
			return a, fmt.Errorf("the worker (%s) answered no input bytes but %s", prepWorker, input.Type())
		}
		n := input.Get("length").Int()
		if n > webapp.InputBytesLen {
			return a, fmt.Errorf("the worker (%s) answered %d bytes of input, more than %d", prepWorker, n, webapp.InputBytesLen)
		}
		bytes := make([]byte, n)
		js.CopyBytesToGo(bytes, input)
		a, err := webapp.ReadAnswer(answer.String(), bytes, req.Coarse != nil)
		if err != nil {
			return a, fmt.Errorf("the worker's (%s) answer: %w", prepWorker, err)
		}
		return a, nil
	}
}

// start starts the worker, if it is not running, and posts it this
// program's module.
func (p *workerPrep) start() error {
	if p.worker.Truthy() {
		return nil
	}
	module := js.Global().Get("godaeModule")
	if !module.Truthy() {
		return errors.New("the page kept no module of its program to give a worker")
	}
	p.answers = make(chan js.Value, 4)
	give := func(v js.Value) {
		select {
		case p.answers <- v:
		default: // the page asks one at a time: a surplus is dropped
		}
	}
	onmessage := js.FuncOf(func(_ js.Value, args []js.Value) any { give(args[0].Get("data")); return nil })
	onerror := js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		msg := js.Global().Get("Object").New()
		why, _ := workerError(args[0])
		msg.Set("broken", why)
		give(msg)
		return nil
	})
	p.funcs = []js.Func{onmessage, onerror}
	if err := thrown(func() { p.worker = js.Global().Get("Worker").New(prepWorker) }); err != nil {
		return fmt.Errorf("the browser would not start the worker (%s): %w", prepWorker, err)
	}
	p.worker.Set("onmessage", onmessage)
	p.worker.Set("onerror", onerror)
	if err := thrown(func() { p.worker.Call("postMessage", map[string]any{"module": module}) }); err != nil {
		return fmt.Errorf("the worker (%s) could not be given the program: %w", prepWorker, err)
	}
	return nil
}

// stop ends the worker, if any, which the next picture starts anew.
func (p *workerPrep) stop() {
	if p.worker.Truthy() {
		// Its handlers off first, as decodePart's: an answer on its way
		// must not call a released callback.
		p.worker.Set("onmessage", js.Null())
		p.worker.Set("onerror", js.Null())
		p.worker.Call("terminate")
	}
	for _, f := range p.funcs {
		f.Release()
	}
	p.worker, p.funcs = js.Undefined(), nil
}
