//go:build js && wasm

package main

import (
	"encoding/json"
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
// picture before it takes the worker for broken. Within digitprep's limits
// preparing takes a fraction of it.
const prepLimit = 10 * time.Second

// workerPrep is the page's webapp.Preparer: it has a worker (prepWorker)
// prepare uploads and finer looks at them, one at a time, so that the
// page answers meanwhile (preparing a hard picture holds the thread for a
// fifth of a second). Where the worker cannot start, or breaks, the
// picture is prepared on the page's thread, as before there was a worker,
// and the next one starts a new worker. The body's data-prepared says
// where the last picture was prepared ("worker" or "page"), for the tests.
type workerPrep struct {
	mu      sync.Mutex // held by the picture being prepared
	worker  js.Value   // undefined until a picture is given, or after it broke
	answers chan js.Value
	funcs   []js.Func // the worker's callbacks, released with it
	asked   int       // pictures posted, each the id of its message
}

func (p *workerPrep) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	a, err := p.ask(img, webapp.PrepRequest{})
	if err != nil {
		p.fellBack(err)
		return webapp.Here{}.Prepare(img)
	}
	return a.Prepared()
}

func (p *workerPrep) Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool) {
	a, err := p.ask(part, webapp.PrepRequest{Coarse: &coarse, Area: [4]float64{left, top, right, bottom}})
	if err != nil {
		p.fellBack(err)
		return webapp.Here{}.Refine(part, coarse, left, top, right, bottom)
	}
	return a.Input, a.Info, a.Refined
}

// fellBack says in the console why a picture is prepared on the page's
// thread.
func (p *workerPrep) fellBack(err error) {
	js.Global().Get("console").Call("warn", "preparing the picture on the page's thread: "+err.Error())
	preparedIn("page")
}

// preparedIn marks the body with where the last picture was prepared.
func preparedIn(where string) {
	js.Global().Get("document").Get("body").Call("setAttribute", "data-prepared", where)
}

// ask posts img and req to the worker, started if need be, and waits for
// its answer.
func (p *workerPrep) ask(img image.Image, req webapp.PrepRequest) (webapp.PrepAnswer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.start(); err != nil {
		return webapp.PrepAnswer{}, err
	}
	pix, w, h := webapp.RGBA(img)
	q, err := json.Marshal(req)
	if err != nil {
		return webapp.PrepAnswer{}, err
	}
	arr := js.Global().Get("Uint8Array").New(len(pix))
	js.CopyBytesToJS(arr, pix)
	p.asked++
	id := p.asked
	p.worker.Call("postMessage", map[string]any{"id": id, "pixels": arr, "width": w, "height": h, "request": string(q)}, []any{arr.Get("buffer")})
	deadline := time.After(prepLimit)
	for {
		var m js.Value
		select {
		case m = <-p.answers:
		case <-deadline:
			p.stop()
			return webapp.PrepAnswer{}, fmt.Errorf("the worker (%s) gave no answer in %v", prepWorker, prepLimit)
		}
		if e := m.Get("broken"); e.Truthy() {
			p.stop()
			return webapp.PrepAnswer{}, fmt.Errorf("the worker (%s) could not run: %s", prepWorker, e.String())
		}
		if m.Get("id").Int() != id {
			continue // cannot happen: one picture at a time
		}
		if e := m.Get("error"); e.Truthy() {
			p.stop()
			return webapp.PrepAnswer{}, fmt.Errorf("the worker (%s): %s", prepWorker, e.String())
		}
		var a webapp.PrepAnswer
		if err := json.Unmarshal([]byte(m.Get("answer").String()), &a); err != nil {
			p.stop()
			return webapp.PrepAnswer{}, fmt.Errorf("the worker's (%s) answer: %w", prepWorker, err)
		}
		preparedIn("worker")
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
		msg.Set("broken", args[0].Get("message"))
		give(msg)
		return nil
	})
	p.funcs = []js.Func{onmessage, onerror}
	p.worker = js.Global().Get("Worker").New(prepWorker)
	p.worker.Set("onmessage", onmessage)
	p.worker.Set("onerror", onerror)
	p.worker.Call("postMessage", map[string]any{"module": module})
	return nil
}

// stop ends the worker, which the next picture starts anew.
func (p *workerPrep) stop() {
	p.worker.Call("terminate")
	for _, f := range p.funcs {
		f.Release()
	}
	p.worker, p.funcs = js.Undefined(), nil
}

// servePreparation is main in the worker that prepares uploads: it
// offers self.godaePrepare(pixels, width, height, request) to the
// worker's script, which calls it for each picture the page posts, and
// answers {answer} (webapp.ServePrep) or {error}.
func servePreparation() {
	js.Global().Set("godaePrepare", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 4 {
			return map[string]any{"error": fmt.Sprintf("%d arguments, not 4", len(args))}
		}
		if n := args[0].Get("length").Int(); n > 4*digitprep.MaxWork*digitprep.MaxWork {
			return map[string]any{"error": fmt.Sprintf("%d bytes of pixels: more than a picture of %d pixels", n, digitprep.MaxWork*digitprep.MaxWork)}
		}
		pix := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(pix, args[0])
		out, err := webapp.ServePrep(pix, args[1].Int(), args[2].Int(), args[3].String())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"answer": out}
	}))
	select {}
}
