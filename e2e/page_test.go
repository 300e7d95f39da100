package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	dae "github.com/godae/dae"
	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/reader"
	"github.com/godae/dae/webapp"
	"github.com/godae/dae/weights"
)

// page drives the app in one tab.
type page struct {
	t *testing.T
	b *browser
}

func (p *page) run(actions ...chromedp.Action) { p.t.Helper(); p.b.run(p.t, actions...) }

// src is an element's src attribute, "" while there is no such element.
func (p *page) src(sel string) string { return p.attr(sel, "src") }

// attr is an element's attribute, "" while there is no such element or
// attribute.
func (p *page) attr(sel, name string) string {
	var v string
	p.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q)?.getAttribute(%q) ?? ""`, sel, name), &v))
	return v
}

func (p *page) text(sel string) string {
	var v string
	p.run(chromedp.Text(sel, &v, chromedp.ByQuery))
	return v
}

// changed waits until the element's src differs from before.
func (p *page) changed(sel, before string) string {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if s := p.src(sel); s != "" && s != before {
			return s
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.t.Fatalf("%s did not change", sel)
	return ""
}

// dragBox drags the mouse over the uploaded picture, of w×h pixels, from
// x0, y0 to x1, y1 (shares of its width and height), as a person draws a
// box around the digit.
func (p *page) dragBox(w, h int, x0, y0, x1, y1 float64) {
	p.t.Helper()
	// The picture fills its square one way and is centred the other.
	sw, sh := 1.0, 1.0
	if w > h {
		sh = float64(h) / float64(w)
	} else {
		sw = float64(w) / float64(h)
	}
	x := func(v float64) float64 { return (1-sw)/2 + v*sw }
	y := func(v float64) float64 { return (1-sh)/2 + v*sh }
	p.dragOn("#picture-frame", x(x0), y(y0), x(x1), y(y1))
}

// dragOn drags the mouse over the element sel from x0, y0 to x1, y1
// (shares of its box).
func (p *page) dragOn(sel string, x0, y0, x1, y1 float64) {
	p.t.Helper()
	mouse := p.mouseOn(sel)
	p.run(mouse(input.MousePressed, x0, y0), mouse(input.MouseMoved, (x0+x1)/2, (y0+y1)/2),
		mouse(input.MouseMoved, x1, y1), mouse(input.MouseReleased, x1, y1))
}

// mouseOn gives mouse events over the element sel, at shares of its box
// as it is now, with the left button held (but for a release).
func (p *page) mouseOn(sel string) func(typ input.MouseType, x, y float64) chromedp.Action {
	p.t.Helper()
	var r []float64
	p.run(chromedp.Evaluate(`(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`, &r))
	return func(typ input.MouseType, x, y float64) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			buttons := int64(1)
			if typ == input.MouseReleased {
				buttons = 0
			}
			return input.DispatchMouseEvent(typ, r[0]+x*r[2], r[1]+y*r[3]).WithButton(input.Left).WithButtons(buttons).WithClickCount(1).Do(ctx)
		})
	}
}

// insetViewJS is the part of the picture the enlarged view shows, as
// shares of the picture (left, top, right, bottom), from its background's
// size and position, in percent (of the view, and of what is left of it
// beside the picture).
const insetViewJS = `(() => { const e = document.getElementById("inset"), s = getComputedStyle(e), w = e.clientWidth, h = e.clientHeight;
	const [pw, ph] = s.backgroundSize.split(" ").map(parseFloat), [px, py] = s.backgroundPosition.split(" ").map(parseFloat);
	const sw = w*pw/100, sh = h*ph/100, x = (w - sw)*px/100, y = (h - sh)*py/100;
	return [-x/sw, -y/sh, (w-x)/sw, (h-y)/sh]; })()`

// axName is the accessible name the browser gives the element sel (what a
// screen reader calls it), from Chromium's accessibility tree.
func (p *page) axName(sel string) string {
	p.t.Helper()
	var nodes []*cdp.Node
	p.run(chromedp.Nodes(sel, &nodes, chromedp.ByQuery))
	var name string
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		ax, err := accessibility.GetPartialAXTree().WithBackendNodeID(nodes[0].BackendNodeID).WithFetchRelatives(false).Do(ctx)
		if err != nil || len(ax) == 0 || ax[0].Name == nil {
			return fmt.Errorf("no accessible node for %s: %v", sel, err)
		}
		return json.Unmarshal(ax[0].Name.Value, &name)
	}))
	return name
}

// swipe puts a finger down on the screen (an emulated touch screen) at the
// first point, in CSS pixels from the viewport's corner, moves it through
// the others, and lifts it.
func (p *page) swipe(points ...[2]float64) {
	p.t.Helper()
	finger := func(at [2]float64) []*input.TouchPoint {
		return []*input.TouchPoint{{X: at[0], Y: at[1], RadiusX: 5, RadiusY: 5, Force: 1, ID: 1}}
	}
	p.run(input.DispatchTouchEvent(input.TouchStart, finger(points[0])))
	for _, at := range points[1:] {
		p.run(input.DispatchTouchEvent(input.TouchMove, finger(at)))
	}
	p.run(input.DispatchTouchEvent(input.TouchEnd, []*input.TouchPoint{}))
}

// stroke draws a straight stroke on the drawing canvas with pointer
// events, from x0, y0 to x1, y1 (CSS pixels from its corner) in 20 moves,
// as a pen does.
func (p *page) stroke(x0, y0, x1, y1 float64) {
	p.t.Helper()
	p.js(fmt.Sprintf(`(() => {
		`+penJS+`
		const [x0, y0, x1, y1] = [%g, %g, %g, %g];
		ev("pointerdown", x0, y0);
		for (let i = 1; i <= 20; i++) ev("pointermove", x0 + i * (x1 - x0) / 20, y0 + i * (y1 - y0) / 20);
		ev("pointerup", x1, y1);
	})()`, x0, y0, x1, y1))
}

// penJS begins a script that draws on the canvas: c is the canvas, and
// ev(type, x, y, o) sends it a pointer event of that type at (x, y), CSS
// pixels from its corner, by pointer 1, its type's primary, unless o says
// otherwise (pointerId, isPrimary, pointerType, buttons).
const penJS = `const c = document.getElementById("draw-canvas"), r = c.getBoundingClientRect();
const ev = (type, x, y, o = {}) => c.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerId: 1, isPrimary: true, clientX: r.left + x, clientY: r.top + y, ...o}));`

// canvas is the drawing canvas as a PNG data: URL, and the drawing kept
// for a reload (empty when none is).
func (p *page) canvas() (shown, kept string) {
	p.t.Helper()
	var both []string
	p.run(chromedp.Evaluate(`[document.getElementById("draw-canvas").toDataURL("image/png"), sessionStorage.getItem("godae-drawing") || ""]`, &both))
	require.Len(p.t, both, 2)
	return both[0], both[1]
}

// drawing is the drawing canvas as a PNG data: URL, and the model input
// the page's preparation makes of it, computed natively.
func (p *page) drawing() (string, []float32) {
	p.t.Helper()
	var dataURL string
	p.run(chromedp.Evaluate(`document.getElementById("draw-canvas").toDataURL("image/png")`, &dataURL))
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(dataURL, "data:image/png;base64,"))
	require.NoError(p.t, err)
	img, err := png.Decode(bytes.NewReader(raw))
	require.NoError(p.t, err)
	nrgba := image.NewNRGBA(img.Bounds())
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			nrgba.Set(x, y, img.At(x, y))
		}
	}
	clean, err := webapp.FromDrawing(nrgba.Pix, img.Bounds().Dx(), img.Bounds().Dy())
	require.NoError(p.t, err)
	return dataURL, clean
}

// js runs a script in the page.
func (p *page) js(script string) {
	p.t.Helper()
	var res any
	p.run(chromedp.Evaluate(script, &res))
}

// layoutShift is a shift of the page's layout that no input of the person
// caused, as the browser's Layout Instability API reports it: how much of
// the view moved, and which elements.
type layoutShift struct {
	Value   float64
	Sources []string
}

// layoutShifts returns every layout shift since navigation but those that
// came within half a second of the person's input (the API's
// hadRecentInput: a page's answer to a click may move things).
func (p *page) layoutShifts() []layoutShift {
	p.t.Helper()
	var shifts []layoutShift
	p.run(chromedp.Evaluate(`new Promise(done => {
		if (!PerformanceObserver.supportedEntryTypes.includes("layout-shift")) throw new Error("this browser has no Layout Instability API");
		setTimeout(() => done([]), 500); // the observer is called only if there are shifts
		new PerformanceObserver(l => done(l.getEntries().filter(e => !e.hadRecentInput).map(e => ({value: e.value, sources: e.sources.map(s => s.node?.id || s.node?.className || String(s.node))}))))
			.observe({type: "layout-shift", buffered: true})
	})`, &shifts, awaitPromise))
	return shifts
}

// pixels decodes a data: URL of a grey picture (a PNG the browser made from
// a canvas, so RGBA with R = G = B and opaque) into values in [0,1].
func pixels(t *testing.T, dataURL string) []float32 {
	t.Helper()
	require.True(t, strings.HasPrefix(dataURL, "data:image/png;base64,"), "a PNG data: URL")
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(dataURL, "data:image/png;base64,"))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(raw))
	require.NoError(t, err)
	b := img.Bounds()
	out := make([]float32, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			require.True(t, c.R == c.G && c.G == c.B && c.A == 255, "grey and opaque at (%d,%d): %v", x, y, c)
			out = append(out, float32(c.R)/255)
		}
	}
	return out
}

// sameImage checks the page's picture against values the native engine
// computed, within one grey level.
func sameImage(t *testing.T, what string, want []float32, dataURL string) {
	t.Helper()
	got := pixels(t, dataURL)
	require.Len(t, got, len(want), what)
	worst := 0.0
	for i := range want {
		worst = math.Max(worst, math.Abs(float64(got[i]-want[i])))
	}
	assert.LessOrEqual(t, worst, 1.0/255+1e-6, "%s: worst difference %.4f", what, worst)
}

// prepare is what the page does with an upload, natively: decode it (with
// Go's decoders, where the page has the browser's) and prepare it.
func prepare(data []byte) ([]float32, digitprep.Info, error) {
	img, err := digitprep.Decode(data)
	if err != nil {
		return nil, digitprep.Info{}, err
	}
	return digitprep.Prepare(img)
}

func nativeModels(t *testing.T) *webapp.Models {
	dae, err := weights.Read(filepath.Join(root, "weights", "dae.safetensors"))
	require.NoError(t, err)
	ae, err := weights.Read(filepath.Join(root, "weights", "ae.safetensors"))
	require.NoError(t, err)
	strong, err := weights.Read(filepath.Join(root, "weights", "strong.safetensors"))
	require.NoError(t, err)
	rd, err := weights.Read(filepath.Join(root, "weights", "classifier.safetensors"))
	require.NoError(t, err)
	m, err := webapp.NewModels(webapp.Bundle{DAE: dae.Model, AE: ae.Model, Strong: strong.Model, Reader: rd.Model})
	require.NoError(t, err)
	return m
}

// checkResult compares the page's three 28×28 pictures, and what the
// digit reader saw in each (and in the clean digit, where there is one),
// with a native run with denoiser d, which the page must say it used.
func (p *page) checkResult(what string, m *webapp.Models, d webapp.Denoiser, input, clean []float32) *webapp.Result {
	p.t.Helper()
	want, err := m.Run(d, input, clean)
	require.NoError(p.t, err)
	var checked bool
	p.run(chromedp.JavascriptAttribute("#denoiser-"+string(d), "checked", &checked, chromedp.ByQuery))
	assert.True(p.t, checked, "%s: the page says it uses %s", what, d.Title())
	assert.Contains(p.t, p.text("#dae-output + figcaption"), d.Title(), what)
	require.NoError(p.t, err)
	sameImage(p.t, what+": model input", want.Input, p.src("#model-input"))
	sameImage(p.t, what+": denoised", want.DAE, p.src("#dae-output"))
	sameImage(p.t, what+": plain AE", want.AE, p.src("#ae-output"))
	for id, r := range map[string]reader.Reading{"#model-input-reading": want.InputReading, "#dae-output-reading": want.DAEReading, "#ae-output-reading": want.AEReading} {
		sameReading(p.t, what+": "+id, r, p.text(id))
	}
	if want.CleanReading != nil { // a sample's or a drawing's: the digit before its noise, read too
		sameReading(p.t, what+": #original-reading", *want.CleanReading, p.text("#original-reading"))
	}
	assert.Contains(p.t, p.text("#reading"), "Digit reader — input: ", what)
	// A screen reader hears "then" where the eye sees an arrow.
	spoken := p.spoken("#reading")
	assert.Regexp(p.t, `^Digit reader — input: \d \(\d+\x{a0}%\), then denoised: \d \(\d+\x{a0}%\)\. `, spoken, what)
	assert.NotContains(p.t, spoken, "→", what)
	return want
}

// spoken is the text of sel that a screen reader reads: its text less what
// is aria-hidden.
func (p *page) spoken(sel string) string {
	var s string
	p.run(chromedp.Evaluate(`(() => { const w = document.createTreeWalker(document.querySelector(`+jsString(sel)+`), NodeFilter.SHOW_TEXT); let s = ""; for (let n; (n = w.nextNode());) if (!n.parentElement.closest("[aria-hidden=true]")) s += n.data; return s; })()`, &s))
	return s
}

// sameReading checks a reading shown as "reads 7 (41 %)": the digit, and
// the percentage within 1 (a processor that fuses multiply-adds natively
// rounds differently from the wasm build).
func sameReading(t *testing.T, what string, want reader.Reading, text string) {
	t.Helper()
	var digit, percent int
	_, err := fmt.Sscanf(text, "reads %d (%d %%)", &digit, &percent)
	require.NoError(t, err, "%s: %q", what, text)
	assert.Equal(t, want.Digit, digit, "%s: %q", what, text)
	assert.InDelta(t, 100*want.P, percent, 1, "%s: %q", what, text)
}

// sameReadings checks that a sentence the page shows is the native one,
// the readings' digits the same and their percentages within one (the
// last may round either way).
func sameReadings(t *testing.T, what, want, shown string) {
	t.Helper()
	reading := regexp.MustCompile(`reads (\d) \((\d+) %\)`)
	assert.Equal(t, reading.ReplaceAllString(want, "reads $1 (# %)"), reading.ReplaceAllString(shown, "reads $1 (# %)"), what)
	w, g := reading.FindAllStringSubmatch(want, -1), reading.FindAllStringSubmatch(shown, -1)
	if assert.Len(t, g, len(w), what) {
		for i := range w {
			wp, _ := strconv.Atoi(w[i][2])
			gp, _ := strconv.Atoi(g[i][2])
			assert.InDelta(t, wp, gp, 1, "%s: %q", what, shown)
		}
	}
}

// When the weights cannot be loaded the page says so instead of dying.
func TestBrokenWeightsShowAMessage(t *testing.T) {
	t.Parallel() // see the package doc
	dir := t.TempDir()
	bin := buildApp(t)
	for _, f := range dae.AppFiles { // the app's files as the server serves them, built
		require.NoError(t, filepath.WalkDir(filepath.Join(root, f), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, p)
			require.NoError(t, err)
			copyFile(t, p, filepath.Join(dir, rel))
			return nil
		}))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "weights", "dae.safetensors"), []byte("truncated"), 0o644))
	url := serve(t, bin, "-dir", dir)
	p := &page{t: t, b: newBrowser(t)}
	p.run(chromedp.Navigate(url), chromedp.WaitVisible("#fatal", chromedp.ByQuery))
	assert.Contains(t, p.text("#fatal"), "The page's models could not be loaded: weights/dae.safetensors: not a safetensors file")
	p.b.screenshot(t, "broken-weights")
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

// awaitPromise has chromedp.Evaluate wait for the promise its script
// gives.
func awaitPromise(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// within is a script (for Evaluate with awaitPromise) that gives the value
// v of expression once done (of v) holds, or when d has passed, looked at
// every animation frame: for what the page does on an event that comes
// after a frame (the window's resize).
func within(d time.Duration, expression, done string) string {
	return fmt.Sprintf(`new Promise(ok => { const t0 = performance.now(), f = () => { const v = (%s); if ((%s) || performance.now() - t0 > %d) ok(v); else requestAnimationFrame(f); }; f(); })`, expression, done, d.Milliseconds())
}
