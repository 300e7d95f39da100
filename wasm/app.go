//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/webapp"
	"github.com/godae/dae/weights"
)

// Input modes: the three ways to give the page a digit.
const (
	ModeUpload  = "upload"
	ModeGallery = "gallery"
	ModeDraw    = "draw"
)

// App is the page: it holds the state and renders the panels. Every action
// changes the state on the main goroutine and calls rerender.
type App struct {
	vecty.Core

	fatal    string // set when the page cannot work at all (weights did not load)
	message  string // the last error, shown until the next action
	models   *webapp.Models
	weights  string // which denoising weights are in use
	mode     string
	noise    webapp.Noise
	sample   int       // gallery index
	drawing  []float32 // the drawn digit as model input, before noise
	upload   string    // object URL of the uploaded image
	original string    // what the "your image" tile shows (a URL)
	result   *webapp.Result
	shown    bool // the page has been rendered once, so it can be rerendered
}

// rerender redraws the page on the next frame. Before the first render
// (while main loads the model) there is nothing to redraw.
func (a *App) rerender() {
	if a.shown {
		vecty.Rerender(a)
	}
}

func newApp() *App {
	return &App{mode: ModeGallery, noise: webapp.DefaultNoise(), weights: "bundled (weights/dae.safetensors)"}
}

// load fetches the bundled weights, both at once, and denoises the first
// gallery digit; main calls it before the first render, so that the page
// appears once, with a result, rather than first as "Loading".
func (a *App) load() {
	type loaded struct {
		f   *weights.File
		err error
	}
	daec, aec := make(chan loaded, 1), make(chan loaded, 1)
	for url, c := range map[string]chan loaded{"weights/dae.safetensors": daec, "weights/ae.safetensors": aec} {
		go func() {
			f, err := loadWeights(url)
			c <- loaded{f, err}
		}()
	}
	dae, ae := <-daec, <-aec
	err := errors.Join(dae.err, ae.err)
	if err == nil {
		a.models, err = webapp.NewModels(dae.f.Model, ae.f.Model)
	}
	if err != nil {
		a.fatal = "The model could not be loaded: " + err.Error()
		return
	}
	a.showSample(a.sample)
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

// fail shows an error and keeps everything else as it was.
func (a *App) fail(err error) {
	a.message = err.Error()
	a.rerender()
}

// run denoises input and shows the result.
func (a *App) run(input, clean []float32) {
	r, err := a.models.Run(input, clean)
	if err != nil {
		a.fail(err)
		return
	}
	a.message = ""
	a.result = r
	a.rerender()
}

// noisy applies the chosen noise to a clean digit and runs it.
func (a *App) noisy(clean []float32) {
	in, err := a.noise.Apply(clean)
	if err != nil {
		a.fail(err)
		return
	}
	a.run(in, clean)
}

func (a *App) setMode(m string) {
	a.mode = m
	a.message = ""
	switch m {
	case ModeGallery:
		a.showSample(a.sample)
		return
	case ModeDraw:
		a.original = ""
		if a.drawing != nil {
			a.original = grayURL(a.drawing)
			a.noisy(a.drawing)
			return
		}
		a.result = nil
	case ModeUpload:
		a.original = a.upload
		a.result = nil
	}
	a.rerender()
}

func (a *App) showSample(i int) {
	s := webapp.Samples()[i]
	a.sample = i
	a.original = grayURL(s.Pixels)
	a.noisy(s.Pixels)
}

// setNoise changes the noise and reruns the current gallery digit or drawing.
func (a *App) setNoise(n webapp.Noise) {
	a.noise = n
	switch {
	case a.mode == ModeGallery:
		a.showSample(a.sample)
	case a.mode == ModeDraw && a.drawing != nil:
		a.noisy(a.drawing)
	default:
		a.rerender()
	}
}

// uploadFile reads, prepares and denoises an image file; it runs on its own
// goroutine.
func (a *App) uploadFile(file js.Value) {
	var in []float32
	img, err := decodeFile(file)
	if err == nil {
		in, _, err = digitprep.Prepare(img)
	}
	if err != nil {
		a.fail(fmt.Errorf("%s: %w", file.Get("name").String(), err))
		return
	}
	if a.upload != "" {
		js.Global().Get("URL").Call("revokeObjectURL", a.upload)
	}
	a.upload = js.Global().Get("URL").Call("createObjectURL", file).String()
	a.mode, a.original = ModeUpload, a.upload
	a.run(in, nil)
}

// loadCustomWeights validates a dropped-in weights file and uses it as the
// denoising model; it runs on its own goroutine.
func (a *App) loadCustomWeights(file js.Value) {
	data, err := fileBytes(file, weights.MaxFileSize)
	if err != nil {
		a.fail(err)
		return
	}
	next, err := a.models.LoadDAE(data)
	if err != nil {
		a.fail(fmt.Errorf("%s: %w (the model in use is unchanged)", file.Get("name").String(), err))
		return
	}
	a.models = next
	a.weights = file.Get("name").String()
	if a.result != nil {
		a.run(a.result.Input, a.result.Clean)
		return
	}
	a.rerender()
}

// Render draws the whole page.
func (a *App) Render() vecty.ComponentOrHTML {
	var main vecty.List
	if a.fatal != "" {
		main = append(main, alert("fatal", a.fatal))
	}
	if a.models != nil {
		main = append(main, &Tabs{App: a, Mode: a.mode}, a.panel())
		if a.message != "" {
			main = append(main, alert("message", a.message))
		}
		main = append(main, &Results{App: a, Result: a.result, Original: a.original}, &WeightsPicker{App: a, InUse: a.weights})
	}
	return elem.Body(
		elem.Header(
			elem.Heading1(vecty.Text("Denoise a handwritten digit")),
			elem.Paragraph(vecty.Text("A convolutional autoencoder cleans up a noisy 28×28 digit — running in Go, in your browser, on your machine.")),
		),
		elem.Main(main),
		elem.Footer(elem.Paragraph(vecty.Text("Trained on MNIST with libtorch; inference by a pure-Go engine compiled to WebAssembly. Nothing you give the page leaves your machine."))),
	)
}

func alert(id, text string) *vecty.HTML {
	return elem.Paragraph(vecty.Markup(vecty.Class("error"), vecty.Attribute("role", "alert"), prop.ID(id)), vecty.Text(text))
}

func (a *App) panel() vecty.ComponentOrHTML {
	switch a.mode {
	case ModeUpload:
		return &Upload{App: a}
	case ModeDraw:
		return elem.Div(&DrawPad{App: a}, &NoiseControls{App: a, Noise: a.noise})
	default:
		return elem.Div(&Gallery{App: a, Selected: a.sample}, &NoiseControls{App: a, Noise: a.noise})
	}
}
