//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"
	"sync"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/webapp"
	"github.com/godae/dae/weights"
)

// App is the page. Its state lives in a webapp.Store, which only the
// store's actions change; App and its components render that state and
// dispatch actions.
type App struct {
	vecty.Core
	store *webapp.Store
	shown bool // the page has been rendered once, so it can be rerendered
	// complete is set once the first view is painted: only then are the
	// parts below the results (the code-space walk, the weights picker)
	// rendered, so that the first denoised image does not wait for them.
	complete bool
	// address is what the page's address says (webapp.Address).
	address   *webapp.Address
	addressMu sync.Mutex
	// keptNote says, until an upload is shown, why the one shown before a
	// reload was not kept (keptNote).
	keptNote string
	// given is the digit last given (State.Given).
	given string
	// drawnShown is the draw tab's result last shown, and the drawing it
	// was of (sayDrawReading).
	drawnShown struct {
		result  *webapp.Result
		drawing []float32
	}
	// stopAsked says that scrollStop is to run on the next frame.
	stopAsked bool
	// readingSaid is the result whose reader's sentence sayReading has
	// a screen reader hear, and the pause before it does; drawSaid the
	// pause before sayDrawReading's.
	readingSaid struct {
		result *webapp.Result
		pause
	}
	drawSaid pause
	// offline says that the first view's weights did not come for the
	// network: a reload is the way to try again (a button offers it).
	offline bool
	// newVersion says that a new version of the app is ready
	// (watchNewVersion): its Reload shows it (takeNewVersion).
	newVersion bool
	// registration is the app's service worker registration, once a
	// worker is active (watchNewVersion).
	registration js.Value
	// unstyled says that the page's style sheet did not come (unstyled).
	unstyled bool
	// takingOver says that the new version's Reload was pressed: it waits
	// for the new version to take over (takeNewVersion).
	takingOver bool
}

// topOfResults scrolls the result back to its top, where it scrolls
// within itself (beside the input, on a screen wider than high): a new
// digit's tiles were left out of sight when the heat maps had been
// scrolled to.
func topOfResults() {
	if r := js.Global().Get("document").Call("getElementById", "results"); r.Truthy() {
		r.Set("scrollTop", 0)
	}
}

// scrollStop makes the result a stop of the Tab key where it scrolls
// within itself (beside the input, on a screen wider than high, kept in
// view while the page scrolls), and no stop where it does not: the keys
// that scroll (the arrows, Page Down, Space) scroll it only when it has
// the focus, and its own stops (a download, the heat maps) come after most
// of it. Chromium makes a box that scrolls a stop only when nothing in it
// is one. Called after each render, and when the window's size or an
// open section in the result changes. While it has the focus it stays a
// stop (the focus would go to the page's start).
func scrollStop() {
	doc := js.Global().Get("document")
	r := doc.Call("getElementById", "results")
	switch {
	case !r.Truthy():
	case r.Get("scrollHeight").Int() > r.Get("clientHeight").Int():
		r.Call("setAttribute", "tabindex", "0")
	case !r.Equal(doc.Get("activeElement")):
		r.Call("removeAttribute", "tabindex")
	}
}

// watchScrollStop calls scrollStop when the window's size changes, and
// when a section is opened or closed (the toggle of a details element,
// which does not bubble: caught on its way down).
func watchScrollStop() {
	f := js.FuncOf(func(js.Value, []js.Value) any {
		scrollStop()
		return nil
	})
	js.Global().Call("addEventListener", "resize", f)
	js.Global().Get("document").Call("addEventListener", "toggle", f, true)
}

func newApp() *App {
	a := &App{address: webapp.NewAddress()}
	a.store = webapp.NewStore(a.rerender)
	a.store.PrepareWith(&workerPrep{})
	return a
}

// rerender redraws the page on the next frame, after every action. Before
// the first render (while main loads the model) there is nothing to redraw.
func (a *App) rerender() {
	if a.shown {
		st := a.store.State()
		if given := st.Given(); given != a.given {
			a.given = given
			topOfResults()
		}
		a.sayDrawReading(st)
		a.sayReading(st)
		vecty.Rerender(a)
		if !a.stopAsked { // after vecty's render, which waits for the next frame
			a.stopAsked = true
			onFrame(func() {
				a.stopAsked = false
				scrollStop()
			})
		}
		a.updateCurves()
		a.updateAddress(a.store.State())
	}
}

// sayDrawReading has a screen reader hear, on the draw tab, the reading of
// a result that changed while the drawing did not (the noise, the model or
// the weights changed it), once it has stayed readingPause: a key held on
// the amount's slider had it said at every step. The results' line is not
// read out there (sayReading: it would speak at every move of the pen),
// and the pad says the reading of a new drawing when the pen lifts; before,
// these changes were not said, and the pad's line kept the reading from
// before them.
func (a *App) sayDrawReading(st webapp.State) {
	sameDrawing := len(st.Drawing) > 0 && len(a.drawnShown.drawing) > 0 && &st.Drawing[0] == &a.drawnShown.drawing[0]
	switch {
	case st.Mode != webapp.ModeDraw || st.PenDown || !sameDrawing || st.Result == nil:
		a.drawSaid.cancel() // a new stroke, cleared or undone, is said by the pad
	case st.Result != a.drawnShown.result:
		a.drawSaid.after(func() {
			// Said only of what is still shown: a pen gone down since
			// (which the store does not announce) begins another.
			if now := a.store.State(); now.Mode == webapp.ModeDraw && !now.PenDown && now.Result == st.Result {
				sayNew("draw-status", drawReading(now))
			}
		})
	}
	a.drawnShown.result, a.drawnShown.drawing = st.Result, st.Drawing
}

// readingPause is how long, in milliseconds, the reader's sentence stays
// the same before a screen reader hears it.
const readingPause = 600

// sayReading has a screen reader hear the reader's sentence (Results'
// #reading), with why it read the input so where the page says that
// (the model input's noise note, which the sentence on the screen leaves
// to the tile), once its result has stayed readingPause, on the gallery's
// and the upload's tabs: a slider dragged, or the arrow keys held through
// the samples, had it read out a sentence at every step, six in half a
// second. The draw tab says its reading when the pen lifts
// (sayDrawReading): the pen changes the result at every move.
func (a *App) sayReading(st webapp.State) {
	said := &a.readingSaid
	shown := st.Result
	if st.Mode == webapp.ModeDraw {
		shown = nil // the pad says its own
	}
	if shown == said.result {
		return
	}
	said.result = shown
	if shown == nil {
		said.cancel()
		say("reading-said", "") // the sentence of a digit no longer shown
		return
	}
	said.after(func() {
		doc := js.Global().Get("document")
		text := spoken(doc.Call("getElementById", "reading"))
		if note := doc.Call("getElementById", "model-input-noise"); note.Truthy() {
			text += " " + sentence(note.Get("textContent").String()) + "."
		}
		sayNew("reading-said", text)
	})
}

// pause runs a function once the page has asked nothing else of it for
// readingPause: the last asked, the others dropped.
type pause struct {
	timer js.Value
	fire  js.Func // one for every timer: one cleared would never release its own
	next  func()
}

// after runs f after readingPause, unless asked again, or cancelled,
// before then.
func (p *pause) after(f func()) {
	p.cancel()
	p.next = f
	if p.fire.IsUndefined() {
		p.fire = js.FuncOf(func(js.Value, []js.Value) any {
			next := p.next
			p.timer, p.next = js.Undefined(), nil
			if next != nil {
				next()
			}
			return nil
		})
	}
	p.timer = js.Global().Call("setTimeout", p.fire, readingPause)
}

// cancel drops what p was to run.
func (p *pause) cancel() {
	if p.timer.Truthy() {
		js.Global().Call("clearTimeout", p.timer)
	}
	p.timer, p.next = js.Undefined(), nil
}

// sayNew says text in the live region id unless it says it already: the
// same sentence again (the sample already shown, picked again; a model
// changed and changed back) was read out again.
func sayNew(id, text string) {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() && el.Get("textContent").String() != text {
		el.Set("textContent", text)
	}
}

// spoken is the text of el that a screen reader reads: its text less what
// is hidden from it (aria-hidden; the arrow between readings, said "then"
// by a hidden-on-screen word).
func spoken(el js.Value) string {
	if !el.Truthy() {
		return ""
	}
	var b strings.Builder
	var walk func(n js.Value)
	walk = func(n js.Value) {
		switch n.Get("nodeType").Int() {
		case 3: // text
			b.WriteString(n.Get("data").String())
		case 1: // an element
			if n.Call("getAttribute", "aria-hidden").Equal(js.ValueOf("true")) {
				return
			}
			kids := n.Get("childNodes")
			for i := range kids.Length() {
				walk(kids.Index(i))
			}
		}
	}
	walk(el)
	return b.String()
}

// updateCurves has the store compute the plot's curves if they are
// missing, on a goroutine of its own that gives the browser its turn after
// each noise amount (marked "plot-step", which the e2e test reads to see
// that each amount had a task of its own). It waits for the strong model,
// so as not to draw the plot twice on the first view.
func (a *App) updateCurves() {
	if a.store.State().Strong == webapp.StrongLoading {
		return
	}
	go a.store.UpdateCurves(func() {
		mark("plot-step")
		nextTask()
	})
}

// bundled are the weights the page loads before its first view: the seed's
// two autoencoders and the digit reader (boot.js starts their downloads).
var bundled = []string{"weights/dae.safetensors", "weights/ae.safetensors", "weights/classifier.safetensors"}

// strongWeights is the strong model, which the first view (the gallery,
// with the seed's model) does not need: the page fetches it after that
// view is shown (loadStrong).
const strongWeights = "weights/strong.safetensors"

// load fetches the bundled weights, all at once, and gives them to the
// store, which shows the first gallery digit; main calls it before the
// first render, so that the page appears once, with a result, rather than
// first as "Loading".
func (a *App) load() {
	type loaded struct {
		f   *weights.File
		err error
	}
	chans := make([]chan loaded, len(bundled))
	for i, url := range bundled {
		chans[i] = make(chan loaded, 1)
		go func() {
			f, err := loadWeights(url)
			chans[i] <- loaded{f, err}
		}()
	}
	var models []*nn.Model
	var errs []error
	for _, c := range chans {
		l := <-c
		if l.err != nil {
			errs = append(errs, l.err)
			continue
		}
		models = append(models, l.f.Model)
	}
	mark("weights-parsed")
	if err := errors.Join(errs...); err != nil {
		// A network that failed is said once, not for each file, with what
		// to do: a reload, which a button beside the words offers, and
		// which the page does by itself when the browser says it is
		// online again (nothing is on the page to lose); any other error
		// is said as it is.
		network := true
		for _, e := range errs {
			var n networkError
			network = network && errors.As(e, &n)
		}
		if network {
			err = fmt.Errorf("%w. Check the connection, then reload the page", errs[0])
			a.offline = true
			js.Global().Call("addEventListener", "online", callOnce(reload))
		}
		a.store.Loaded(webapp.Bundle{}, err)
		return
	}
	a.store.Loaded(webapp.Bundle{DAE: models[0], AE: models[1], Reader: models[2]}, nil)
}

// loadStrong fetches the strong model and gives it to the store; it runs
// on its own goroutine once the page is shown, and marks the body with
// data-strong="loaded" (or "failed") when it is done.
func (a *App) loadStrong() {
	f, err := loadWeights(strongWeights)
	var m *nn.Model
	if err == nil {
		m = f.Model
	}
	a.store.StrongLoaded(m, err)
	status := "loaded"
	if a.store.State().Strong != "" {
		status = "failed"
	}
	js.Global().Get("document").Get("body").Call("setAttribute", "data-strong", status)
	registerServiceWorker()
}

// retryWhenOnline loads the strong model again, if it could not be
// loaded, when the browser says the network is back (its online event),
// without the person asking (Try again).
func (a *App) retryWhenOnline() {
	js.Global().Call("addEventListener", "online", js.FuncOf(func(js.Value, []js.Value) any {
		a.retryStrong()
		return nil
	}))
}

// retryStrong loads the strong model again, when the person asks for it
// after it could not be loaded (a network that failed may be back).
func (a *App) retryStrong() {
	if a.store.RetryStrong() {
		js.Global().Get("document").Get("body").Call("setAttribute", "data-strong", "loading")
		go a.loadStrong()
	}
}

// loadWeights fetches and parses a weights file.
func loadWeights(url string) (*weights.File, error) {
	data, err := startedFetch(url)
	if err != nil {
		return nil, err
	}
	f, err := weights.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	return f, nil
}

// uploadFile checks an image file, has the browser decode it and gives it
// to the store as name (uploadName), as the upload begun with ticket t
// (the store's StartUpload, or StartKeptUpload for one read back after a
// reload), and keeps it for a reload (keepUpload); it runs on its own
// goroutine. Only a
// file the store lets decode (Store.PassedChecks) stops the decode under
// way, of an earlier upload or of a part of one (decodes). The store says
// which picture URL it no longer shows.
//
// While a file given is read and until it is kept, its name is marked for
// a reload (markReading); then that of the latest given still read, if
// any. A file read back after a reload is not: restoreUpload says what
// came of the one marked before it.
func uploadFile(s *webapp.Store, file js.Value, name string, t webapp.Ticket) {
	given := !restoring.Truthy() || !file.Equal(restoring)
	if given {
		markReading(name)
	}
	w, h, animated, err := checkFile(file)
	var img image.Image
	if err == nil {
		if !s.PassedChecks(t) {
			err = context.Canceled // superseded: the store drops it
		} else {
			ctx, done := decodes.upload()
			defer done() // only after FinishUpload: a zoom that waited for it finds this upload in the store
			img, err = decodeIn(ctx, file, image.Rectangle{}, w, h)
		}
	}
	url := ""
	if err == nil {
		url = pictureURL(file, img, animated)
		sources.put(url, source{file, w, h})
		if animated {
			name += " (animated: the page reads its first frame)"
		}
	}
	if release := s.FinishUpload(t, name, url, img, err); release != "" {
		sources.drop(release)
		js.Global().Get("URL").Call("revokeObjectURL", release)
	}
	if s.State().Reading == "" { // while a later file is read, the picker names it
		pickShown(s)
	}
	if u := s.State().Upload; err == nil && u != nil && u.URL == url {
		go zoomIn(s) // it waits for this decode's turn to end
		keepUpload(file)
	}
	if !given {
		return
	}
	if later := s.ReadingGiven(); later != "" {
		markReading(later) // one given after this one, or before it and still read
	} else {
		unmarkReading()
	}
}

// pictureURL is the object URL the page shows an upload from: of its
// file, or, when the file is animated, of the picture decoded from it, its
// first frame, which is what the page reads (the file would play its
// other frames beside readings of the first). Where the browser cannot
// encode the frame (no OffscreenCanvas), the file's.
func pictureURL(file js.Value, img image.Image, animated bool) string {
	object := js.Global().Get("URL")
	if n, ok := img.(*image.NRGBA); ok && animated && js.Global().Get("OffscreenCanvas").Truthy() {
		var blob js.Value
		err := thrown(func() {
			c := js.Global().Get("OffscreenCanvas").New(n.Rect.Dx(), n.Rect.Dy())
			ctx := c.Call("getContext", "2d")
			data := ctx.Call("createImageData", n.Rect.Dx(), n.Rect.Dy())
			js.CopyBytesToJS(data.Get("data"), n.Pix) // the decoder's NRGBA: ImageData's order, not premultiplied
			ctx.Call("putImageData", data, 0, 0)
			blob = c.Call("convertToBlob")
		})
		if err == nil {
			blob, err = await(blob)
		}
		if err == nil {
			return object.Call("createObjectURL", blob).String()
		}
		js.Global().Get("console").Call("warn", "godae: the animated picture is shown playing: "+err.Error())
	}
	return object.Call("createObjectURL", file).String()
}

// zoomIn prepares the part of the shown upload around its digit again,
// decoded from the file at a finer scale, when the digit, or the dot found
// instead, is small in the picture decoded at digitprep.WorkSize
// (webapp.Upload.Zoom), as
// digitprep.Prepare does for the images it shrinks. It runs on its own
// goroutine, after an upload and after a part of it was chosen, and waits
// for the decode under way, if any, to end (decodes).
func zoomIn(s *webapp.Store) {
	ctx, done, ok := decodes.zoom()
	if !ok {
		return
	}
	defer done()
	u := s.State().Upload
	if u == nil {
		return
	}
	src, ok := sources.get(u.URL)
	if !ok {
		return
	}
	z, ok := u.Zoom(src.w, src.h)
	if !ok {
		return
	}
	s.StartZoom()
	img, err := decodePart(ctx, src.file, digitprep.PartOf(image.Rect(0, 0, src.w, src.h), z.Left, z.Top, z.Right, z.Bottom))
	s.FinishZoom(z, img, err)
}

// source is an uploaded file and its size, for decoding parts of it again.
type source struct {
	file js.Value
	w, h int
}

// sources are the files of the uploads the page may show, by their
// pictures' object URLs; an upload's goes when its URL is released.
var sources = sourceSet{m: map[string]source{}}

type sourceSet struct {
	mu sync.Mutex
	m  map[string]source
}

func (ss *sourceSet) put(url string, s source) { ss.mu.Lock(); ss.m[url] = s; ss.mu.Unlock() }
func (ss *sourceSet) drop(url string)          { ss.mu.Lock(); delete(ss.m, url); ss.mu.Unlock() }
func (ss *sourceSet) get(url string) (source, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[url]
	return s, ok
}

// loadCustomWeights reads a dropped-in weights file and gives it to the
// store, which validates it; it runs on its own goroutine.
func loadCustomWeights(s *webapp.Store, file js.Value) {
	t := s.StartWeights()
	data, err := fileBytes(file, weights.MaxFileSize)
	s.FinishWeights(t, file.Get("name").String(), data, err)
	// A file refused leaves the picker empty: it names no file the page
	// does not use (the refusal names it).
	if el := js.Global().Get("document").Call("getElementById", "weights-file"); s.State().WeightsMessage != "" && el.Truthy() {
		el.Set("value", "")
	}
}

// Render draws the whole page. Each part has its place in main's list
// whether it is shown or not (nil): the renderer matches elements by their
// place, and a part that comes and goes before others made it reuse one
// part's element for the next, its id with it (two sections were #walk).
func (a *App) Render() vecty.ComponentOrHTML {
	st := a.store.State()
	var main vecty.List
	switch {
	case st.Fatal != "" && a.offline:
		main = append(main, elem.Div(alert("fatal", st.Fatal), reloadButton("reload", "Reload the page", reload)))
	case st.Fatal != "":
		main = append(main, alert("fatal", st.Fatal))
	default:
		main = append(main, nil)
	}
	if a.unstyled {
		main = append(main, elem.Div(alert("unstyled", unstyledSaid), reloadButton("reload-unstyled", "Reload the page", reload)))
	} else {
		main = append(main, nil)
	}
	// Always there, empty until a new version is ready
	// (watchNewVersion), so that its words are read out as they come; the
	// button sits beside the status region, not in it, so that it is not
	// read out with them.
	var newWords, reloadNew vecty.ComponentOrHTML
	if a.newVersion {
		newWords = vecty.Text(newVersionSaid(st))
		words := "Reload"
		if a.takingOver {
			words = "Reloading…"
		}
		reloadNew = reloadButton("new-version-reload", words, a.takeNewVersion, vecty.Class("small"), vecty.Style("margin-left", "0.5rem"), vecty.Property("disabled", a.takingOver))
	}
	main = append(main, elem.Div(vecty.Markup(prop.ID("new-version-box"), vecty.Class("new-version")),
		elem.Span(vecty.Markup(prop.ID("new-version"), vecty.Class("status"), vecty.Attribute("role", "status")), newWords), reloadNew))
	if st.Ready {
		work := vecty.List{&Tabs{Store: a.store, Mode: st.Mode, Step: a.stepTabs, EndSteps: a.endSteps},
			elem.Div(vecty.Markup(prop.ID(tabPanel), vecty.Attribute("role", "tabpanel"), vecty.Attribute("aria-labelledby", "tab-"+string(st.Mode))), panel(a.store, st)),
			&DenoiserPicker{Store: a.store, InUse: st.Denoisers.Of(st.Mode), Status: st.Strong, Failed: st.StrongFailed(), Weights: st.Weights, Retry: a.retryStrong}}
		pixels, url := st.Original()
		if pixels != nil {
			url = grayURL(pixels)
		}
		empty := emptyResults[st.Mode]
		if st.Mode == webapp.ModeUpload && a.keptNote != "" && st.Upload == nil {
			empty += " " + a.keptNote
		}
		if st.Mode == webapp.ModeDraw && st.DrawNote != "" {
			// Where the result would be as well as beside the pad: on a
			// screen wider than high, where the result is beside the pad,
			// the pad's own note is left out (it came under the screen's
			// foot).
			empty = sentence(st.DrawNote) + "."
		}
		res := &Results{Result: st.Result, Original: url, Store: a.store, Empty: empty, OffEdge: st.Mode == webapp.ModeDraw && st.DrawOffEdge, Unit: -1}
		if u, ok := st.Walk.Framed(); ok {
			res.Unit = u
		}
		if st.Mode == webapp.ModeUpload {
			res.Upload, res.Busy, res.Refining, res.Corner, res.Choosing = st.Upload, st.Reading != "", st.Refining, st.Corner, st.Choosing
			if m, ok := st.Refused(); ok {
				res.Refused = &m
			}
		}
		if res.Upload != nil {
			// What was found in the picture, and why a box was not
			// taken, are said by it (Results), where the person looks.
			res.Note = res.Upload.Note()
			if !st.Finding() {
				res.Message = st.Message
			}
		}
		var message, plot, walk, weights vecty.ComponentOrHTML
		if res.Upload == nil && st.Message != "" {
			message = alert("message", sentence(st.Message)+".")
		}
		if st.Mode != webapp.ModeUpload && st.Result != nil {
			plot = &Plot{Curves: st.Curves, Amount: st.Noise.Amount, Failed: st.PlotFailed}
		}
		if a.complete {
			walk, weights = &WalkView{Store: a.store, Walk: st.Walk, Result: st.Result}, &WeightsPicker{Store: a.store, InUse: st.Weights, Refusal: st.WeightsMessage}
		}
		// The input and its result together (on a short wide screen, side
		// by side, the result kept in view within them: style.css), then
		// what is worked out from the result.
		work = append(work, message, res)
		main = append(main, elem.Div(vecty.Markup(vecty.Class("work")), work), plot, walk, weights)
	}
	return elem.Body(
		elem.Header(
			elem.Heading1(vecty.Text("Denoise a handwritten digit")),
			elem.Paragraph(vecty.Text("Pick, upload or draw a digit: a small neural network cleans off its noise — in Go, in your browser, on your machine.")),
		),
		elem.Main(main),
		// What the digit reader sees, for a screen reader (sayReading).
		elem.Paragraph(vecty.Markup(prop.ID("reading-said"), vecty.Class("sr-only"), vecty.Attribute("aria-live", "polite"), vecty.Attribute("aria-atomic", "true"))),
		elem.Footer(elem.Paragraph(vecty.Text("Trained on MNIST with libtorch; inference by a pure-Go engine compiled to WebAssembly. Nothing you give the page leaves your machine."))),
	)
}

// unstyled says whether the page's style sheet did not come: a static host
// caught halfway through a deploy answering with an error for it, or the
// network failing. The page works without it, but looks broken, and said
// nothing of why. The sheet sets --styled on the page's root: a sheet
// that failed is an empty one in Chromium, whose rules cannot be read. (The
// page's scripts ran after the sheet came or failed.)
func unstyled() bool {
	root := js.Global().Get("document").Get("documentElement")
	return js.Global().Call("getComputedStyle", root).Call("getPropertyValue", "--styled").String() == ""
}

// unstyledSaid is what the page says when its style sheet did not come.
const unstyledSaid = "This page's style sheet did not come (the site answered with an error, or the network failed): the page works, but shows without its layout. Reload the page to try again."

// reload loads the page again, as the browser's reload button does.
func reload() { js.Global().Get("location").Call("reload") }

// reloadButton is a button, with id id and the words text, that reloads
// the page with do.
func reloadButton(id, text string, do func(), more ...vecty.Applyer) *vecty.HTML {
	return elem.Button(vecty.Markup(append([]vecty.Applyer{prop.ID(id), vecty.Attribute("type", "button"), event.Click(func(*vecty.Event) { do() })}, more...)...), vecty.Text(text))
}

// alert is text said at once to a screen reader, as an error.
func alert(id, text string) *vecty.HTML {
	return elem.Paragraph(vecty.Markup(vecty.Class("error"), vecty.Attribute("role", "alert"), prop.ID(id)), vecty.Text(text))
}

// emptyResults is what the results say on each tab before there are any,
// in words that hold whether the input is above them or beside them (a
// phone held sideways).
// Where an upload or a drawing goes is said too: a shared address opened
// its tab empty, with nothing to say why.
var emptyResults = map[webapp.Mode]string{
	webapp.ModeGallery: "Pick a digit to see it denoised.",
	webapp.ModeUpload:  "Choose a picture of a digit: it shows here, denoised, with what the digit reader sees. " + stays,
	webapp.ModeDraw:    "Draw a digit in the box: it shows here too, with its figures and the plot. " + stays,
}

// stays says where an upload or a drawing goes: nowhere, not even into
// the page's address.
const stays = "It stays on your machine: the page's address does not carry it."

// reloaded says whether the page was opened by a reload.
func reloaded() bool {
	nav := js.Global().Get("performance").Call("getEntriesByType", "navigation")
	return nav.Length() > 0 && nav.Index(0).Get("type").String() == "reload"
}

// panel is the current tab's panel.
func panel(s *webapp.Store, st webapp.State) vecty.ComponentOrHTML {
	noise := &NoiseControls{Store: s, Noise: st.Noise, Untouched: st.Result != nil && st.Result.Untouched}
	switch st.Mode {
	case webapp.ModeUpload:
		u := &Upload{Store: s, Reading: st.Reading, Refusal: st.UploadMessage}
		if st.Upload != nil {
			u.Shown, u.NoDigit = st.Upload.Name, st.Upload.Note() != ""
		}
		return u
	case webapp.ModeDraw:
		return elem.Div(&DrawPad{Store: s, Result: st.Result, Note: st.DrawNote, OffEdge: st.DrawOffEdge, CanUndo: undoable.Len() > 0, CanRedo: undoable.Ahead() > 0, CanClear: drawn.Truthy()}, noise)
	default:
		return elem.Div(&Gallery{Store: s, Selected: st.Sample}, noise)
	}
}
