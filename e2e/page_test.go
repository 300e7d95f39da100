package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xdraw "golang.org/x/image/draw"

	dae "github.com/godae/dae"
	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/noise"
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
func (p *page) src(sel string) string {
	var v string
	p.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q)?.getAttribute("src") ?? ""`, sel), &v))
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
	})`, &shifts, func(e *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return e.WithAwaitPromise(true) }))
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
// digit reader saw in each, with a native run with denoiser d, which the
// page must say it used.
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
	assert.Contains(p.t, p.text("#reading"), "Digit reader — input: ", what)
	// A screen reader hears "then" where the eye sees an arrow.
	spoken := p.spoken("#reading")
	assert.Regexp(p.t, `^Digit reader — input: \d \(\d+ %\), then denoised: \d \(\d+ %\)\. `, spoken, what)
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

// noisyUpload writes a large, noisy, light-on-dark picture of a digit.
func noisyUpload(t *testing.T, digit []float32) (string, []byte) {
	const k = 8
	img := image.NewGray(image.Rect(0, 0, 28*k+40, 28*k+40))
	r := noise.New(42)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			v := 0.0
			if dx, dy := (x-20)/k, (y-20)/k; x >= 20 && y >= 20 && dx < 28 && dy < 28 {
				v = float64(digit[dy*28+dx])
			}
			img.Pix[y*img.Stride+x] = uint8(255 * math.Max(0, math.Min(1, v+0.35*r.NormFloat64())))
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "noisy-digit.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path, b.Bytes()
}

// twoDigitUpload writes a 480×240 PNG of two digits, dark on light: a
// on the left drawn 7 times as large as MNIST's, b on the right 5 times,
// far enough apart that preparation takes a, which has more ink, alone.
func twoDigitUpload(t *testing.T, a, b []float32) string {
	img := image.NewGray(image.Rect(0, 0, 480, 240))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	draw := func(digit []float32, k, x0, y0 int) {
		for y := 0; y < 28*k; y++ {
			for x := 0; x < 28*k; x++ {
				img.Pix[(y0+y)*img.Stride+x0+x] = uint8(255 * (1 - digit[(y/k)*28+x/k]))
			}
		}
	}
	draw(a, 7, 10, 22)
	draw(b, 5, 320, 50)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	path := filepath.Join(t.TempDir(), "two-digits.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// tiles names the results' tiles in the page's order, each by the first
// id in it.
func (p *page) tiles() []string {
	var ids []string
	p.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#results .tiles > *"), c => c.id || c.querySelector("[id]")?.id || c.tagName)`, &ids))
	return ids
}

// smallDigitPhoto writes a 2,000×1,500 PNG of light paper with a digit 70
// pixels high on it, dark on light, and returns its path, its bytes and
// its picture.
func smallDigitPhoto(t *testing.T, digit []float32) (string, []byte, *image.Gray) {
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range digit {
		small.Pix[i] = uint8(255 - 255*v)
	}
	photo := image.NewGray(image.Rect(0, 0, 2000, 1500))
	for i := range photo.Pix {
		photo.Pix[i] = 235
	}
	xdraw.BiLinear.Scale(photo, image.Rect(1000, 700, 1070, 770), small, small.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, photo))
	path := filepath.Join(t.TempDir(), "small-digit.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path, buf.Bytes(), photo
}

// bigUpload writes a 2,280-pixel PNG of a digit, dark on light.
func bigUpload(t *testing.T, digit []float32) string {
	const k = 80
	img := image.NewGray(image.Rect(0, 0, 28*k+40, 28*k+40))
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			v := 0.0
			if dx, dy := (x-20)/k, (y-20)/k; x >= 20 && y >= 20 && dx < 28 && dy < 28 {
				v = float64(digit[dy*28+dx])
			}
			img.Pix[y*img.Stride+x] = uint8(255 * (1 - v))
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "big-digit.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// clearUpload writes a PNG of digit in white ink on a transparent canvas,
// as a drawing app exports one, and returns its path.
func clearUpload(t *testing.T, digit []float32) string {
	const k = 10
	img := image.NewNRGBA(image.Rect(0, 0, 28*k+40, 28*k+40))
	for y := 20; y < 20+28*k; y++ {
		for x := 20; x < 20+28*k; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 255, 255, 255, uint8(255*digit[(y-20)/k*28+(x-20)/k])
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	path := filepath.Join(t.TempDir(), "white-on-clear.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// animatedUpload writes a GIF of two frames, digits a and b, and returns
// its path.
func animatedUpload(t *testing.T, a, b []float32) string {
	g := &gif.GIF{}
	for _, digit := range [][]float32{a, b} {
		img := image.NewPaletted(image.Rect(0, 0, 28*6, 28*6), color.Palette(palette.Plan9))
		for y := range 28 * 6 {
			for x := range 28 * 6 {
				img.Set(x, y, color.Gray{Y: uint8(255 * (1 - digit[y/6*28+x/6]))})
			}
		}
		g.Image, g.Delay = append(g.Image, img), append(g.Delay, 40)
	}
	var buf bytes.Buffer
	require.NoError(t, gif.EncodeAll(&buf, g))
	path := filepath.Join(t.TempDir(), "animated.gif")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

func TestApp(t *testing.T) {
	url := startServer(t)
	b := newBrowser(t)
	m := nativeModels(t)
	samples := webapp.Samples()
	// open loads the page afresh for a subtest, so that every subtest
	// starts from the page's first state (the gallery, sample 0, the
	// default noise, the bundled weights), whatever ran before it.
	open := func(t *testing.T) *page {
		p := &page{t: t, b: b}
		// A drawing kept by an earlier subtest's page (sessionStorage
		// lasts as long as the browser's tab) is not this one's.
		p.js(`try { sessionStorage.clear() } catch (e) {}`)
		start := time.Now()
		p.run(chromedp.Navigate(url), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		t.Logf("first denoised image %.0f ms after navigation started", float64(time.Since(start).Milliseconds()))
		// The strong model comes after the first view; the subtests use it.
		p.run(chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#denoiser-about", chromedp.ByQuery))
		return p
	}

	t.Run("gallery with noise", func(t *testing.T) {
		p := open(t)
		noisy, err := webapp.DefaultNoise().Apply(samples[0].Pixels)
		require.NoError(t, err)
		want := p.checkResult("sample 0", m, webapp.Seed, noisy, samples[0].Pixels)
		psnr := regexp.MustCompile(`[\d.]+ dB`).FindString(p.text("#dae-scores"))
		sameNumbers(t, "the denoised digit's PSNR", fmt.Sprintf("%.1f dB", want.DAEScores.PSNR), psnr)
		assert.NotEqual(t, p.src("#dae-output"), p.src("#ae-output"), "the two models differ")
		var more string
		p.run(chromedp.Evaluate(`getComputedStyle(document.querySelector("#gallery-title .gallery-more")).display`, &more))
		assert.Equal(t, "none", more, "the samples in rows: nothing to say of a row that scrolls")
		// For a screen reader: the digit named, and the results headed.
		var alt, heading string
		var ok bool
		p.run(chromedp.AttributeValue("#original", "alt", &alt, &ok, chromedp.ByQuery),
			chromedp.Evaluate(`(() => { const h = document.querySelector("#results > h2"); return h ? h.textContent : "" })()`, &heading))
		assert.Equal(t, "MNIST test digit 0", alt)
		assert.Equal(t, "Result", heading)
		p.b.screenshot(t, "gallery")
		// The readings on one line across the row, though "Denoised by
		// the seed's model" takes two lines where the others take one.
		var tops []float64
		p.run(chromedp.Evaluate(`["model-input-reading", "dae-output-reading", "ae-output-reading"].map(id => document.getElementById(id).getBoundingClientRect().top)`, &tops))
		assert.Equal(t, []float64{tops[0], tops[0], tops[0]}, tops, "the readings' tops")
		var captionWidth float64
		p.run(chromedp.Evaluate(`document.querySelector("table.metrics > caption")?.getBoundingClientRect().width ?? 0`, &captionWidth))
		assert.Greater(t, captionWidth, 300.0, "the figures' caption is the table's, as wide as it")
		// On a wide screen (the tests' 1000 px) the numbers are beside the
		// code and a digit's pixel is 7 screen pixels; on a tablet's width
		// the code is under the numbers and a pixel is 6.
		layout := func() (numbersRight, numbersTop, numbersBottom, codeLeft, codeTop, tile float64) {
			var v []float64
			p.run(chromedp.Evaluate(`(() => { const n = document.querySelector("table.metrics").getBoundingClientRect(), c = document.getElementById("latent").getBoundingClientRect(); return [n.right, n.top, n.bottom, c.left, c.top, document.getElementById("dae-output").getBoundingClientRect().width]; })()`, &v))
			require.Len(t, v, 6)
			return v[0], v[1], v[2], v[3], v[4], v[5]
		}
		right, top, _, codeLeft, codeTop, tile := layout()
		assert.Less(t, right, codeLeft, "wide: the code right of the numbers")
		assert.InDelta(t, top, codeTop, 1, "wide: the code beside the numbers, level with them")
		assert.Equal(t, 7.0*webapp.Side, tile)
		clear := chromedp.ActionFunc(func(ctx context.Context) error { return emulation.ClearDeviceMetricsOverride().Do(ctx) })
		t.Cleanup(func() { _ = chromedp.Run(p.b.ctx, clear) }) // the browser's tab is the next subtest's too
		p.run(chromedp.EmulateViewport(768, 1024))
		_, _, bottom, _, codeTop, tile := layout()
		p.run(clear)
		assert.Less(t, bottom, codeTop, "at 768 px: the code under the numbers")
		assert.Equal(t, 6.0*webapp.Side, tile)
		// The denoised digit to download, as the model gives it and ten
		// times as large (made when the link is clicked; the test keeps
		// the browser from saving it).
		var sizes []int
		p.run(chromedp.Evaluate(`(async () => {
			document.addEventListener("click", e => e.preventDefault(), { capture: true, once: true });
			document.getElementById("download-large").click();
			const size = async href => { const i = new Image(); i.src = href; await i.decode(); return [i.naturalWidth, i.naturalHeight]; };
			return [...await size(document.getElementById("download").href), ...await size(document.getElementById("download-large").href)];
		})()`, &sizes, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		assert.Equal(t, []int{28, 28, 280, 280}, sizes)

		before := p.src("#dae-output")
		p.run(chromedp.Click("#sample-7", chromedp.ByQuery))
		p.changed("#dae-output", before)
		noisy, _ = webapp.DefaultNoise().Apply(samples[7].Pixels)
		p.checkResult("sample 7", m, webapp.Seed, noisy, samples[7].Pixels)

		// In the gallery's grid the down and up arrow keys pick the digit
		// below and above.
		var at []float64
		where := `(() => { const e = document.activeElement; return [e.offsetLeft, e.offsetTop]; })()`
		p.run(chromedp.Focus("#sample-7", chromedp.ByQuery), chromedp.Evaluate(where, &at))
		seventh := slices.Clone(at)
		p.run(chromedp.KeyEvent(kb.ArrowDown), chromedp.Evaluate(where, &at))
		assert.Equal(t, seventh[0], at[0], "the digit below")
		assert.Greater(t, at[1], seventh[1])
		p.run(chromedp.KeyEvent(kb.ArrowUp), chromedp.Evaluate(where, &at))
		assert.Equal(t, seventh, at, "and back up")
	})

	// Each change shown is a render; the memory the renders take is given
	// back (vecty kept every render's copy of each component, chained, and the
	// memory grew by a quarter of a megabyte a render).
	t.Run("the page's memory does not grow with use", func(t *testing.T) {
		p := open(t)
		var grew []float64
		p.run(chromedp.Evaluate(`(async () => {
			const s = document.getElementById("noise-amount"), frame = () => new Promise(r => requestAnimationFrame(r));
			await frame();
			const before = godaeMemory.buffer.byteLength, renders = [];
			for (let i = 1; i <= 24; i++) {
				s.value = String(i % 20 * `+fmt.Sprint(webapp.AmountStep)+`); s.dispatchEvent(new Event("input", {bubbles: true}));
				await frame(); // vecty renders in the frame's first callback, asked for as the input was taken
				renders.push(document.getElementById("noise-amount-says").textContent);
			}
			return [before / 2**20, (godaeMemory.buffer.byteLength - before) / 2**20, new Set(renders).size];
		})()`, &grew, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		require.Len(t, grew, 3)
		t.Logf("the app's memory: %.1f MiB at the first view, %.1f MiB more after 24 changes", grew[0], grew[1])
		assert.Equal(t, 20.0, grew[2], "every amount was shown (distinct words for it)")
		assert.Less(t, grew[1], 4.0, "MiB the memory grew over 24 changes shown")
	})

	t.Run("noise controls", func(t *testing.T) {
		p := open(t)
		before := p.src("#dae-output")
		p.run(chromedp.Click("#sample-7", chromedp.ByQuery))
		p.changed("#dae-output", before)
		n := webapp.DefaultNoise()
		before = p.src("#model-input")
		p.js(`(() => { const s = document.getElementById("noise-kind"); s.value = "saltpepper"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
		before = p.changed("#model-input", before)
		n.Kind = webapp.SaltPepper
		in, _ := n.Apply(samples[7].Pixels)
		p.checkResult("salt and pepper", m, webapp.Seed, in, samples[7].Pixels)

		p.run(chromedp.Click("#reroll", chromedp.ByQuery))
		before = p.changed("#model-input", before)
		n.Seed++
		in, _ = n.Apply(samples[7].Pixels)
		p.checkResult("re-rolled", m, webapp.Seed, in, samples[7].Pixels)

		p.js(`(() => { const s = document.getElementById("noise-amount"); s.value = "80"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
		p.changed("#model-input", before)
		n.Amount = 0.8
		in, _ = n.Apply(samples[7].Pixels)
		p.checkResult("amount 0.8", m, webapp.Seed, in, samples[7].Pixels)
		assert.Equal(t, "The amount: "+n.AmountSays()+".", p.text("#noise-amount-says"))

		// The slider stays where it is whatever its words say, for every
		// kind and amount (words beside it moved it from under a drag).
		var places []string
		p.run(chromedp.Evaluate(`(async () => {
			const places = new Set(), s = () => document.getElementById("noise-amount"), k = document.getElementById("noise-kind");
			for (const kind of ["gaussian", "saltpepper", "occlusion"]) {
				k.value = kind; k.dispatchEvent(new Event("change", {bubbles: true}));
				for (const v of ["0", "5", "10", "50", "100"]) {
					s().value = v; s().dispatchEvent(new Event("input", {bubbles: true}));
					await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
					const r = s().getBoundingClientRect();
					places.add(r.left + "," + r.top);
				}
			}
			return [...places];
		})()`, &places, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		assert.Len(t, places, 1, "the slider's places: %v", places)

		// Two changes before the page draws again both hold (the second
		// was made on the noise last drawn, and undid the first), and so
		// do three re-rolls.
		p.js(`(() => {
			const k = document.getElementById("noise-kind"), s = document.getElementById("noise-amount");
			k.value = "saltpepper"; k.dispatchEvent(new Event("change", {bubbles: true}));
			s.value = "30"; s.dispatchEvent(new Event("input", {bubbles: true}));
		})()`)
		quick := webapp.Noise{Kind: webapp.SaltPepper, Amount: 0.3, Seed: n.Seed}
		p.run(chromedp.Poll(`document.getElementById("noise-amount-says").textContent == `+jsString("The amount: "+quick.AmountSays()+"."), nil, chromedp.WithPollingTimeout(5*time.Second)))
		before = p.src("#model-input")
		p.js(`(() => { const b = document.getElementById("reroll"); b.click(); b.click(); b.click(); })()`)
		p.changed("#model-input", before)
		quick.Seed += 3
		in, _ = quick.Apply(samples[7].Pixels)
		p.checkResult("two changes at once, then three re-rolls", m, webapp.Seed, in, samples[7].Pixels)
		var kind string
		p.run(chromedp.Value("#noise-kind", &kind, chromedp.ByQuery))
		assert.Equal(t, "saltpepper", kind)
	})

	// upload opens the page on the upload tab.
	upload := func(t *testing.T) *page {
		p := open(t)
		p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery))
		return p
	}

	t.Run("upload a noisy digit", func(t *testing.T) {
		p := upload(t)
		path, data := noisyUpload(t, samples[12].Pixels)
		// What is read out of the results is the reader's sentence alone,
		// in an element there before the first result (a region is read
		// out when it changes, not when it comes).
		p.js(`window.summaryBefore = document.getElementById("reading")`)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.changed("#dae-output", "")
		in, info, err := prepare(data)
		require.NoError(t, err)
		p.checkResult("upload", m, webapp.Strong, in, nil)
		var prepared string
		p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &prepared))
		assert.Equal(t, "worker", prepared, "prepared off the page's thread, as Go does natively")
		assert.Contains(t, p.text("#prepared-note"), "prepared as MNIST's digits were made", "why the denoised digit looks much like the input")
		var live []string
		p.run(chromedp.Evaluate(`[...document.querySelectorAll("#results, #results *")].filter(e => e.matches("[aria-live], [role=status], [role=alert]")).map(e => e.id)`, &live))
		assert.Equal(t, []string{"keybox-status", "box-hint", "reading"}, live, "the results' live regions")
		// The picture takes the keys it says (Enter, the arrows) from a
		// screen reader, which would take them to read on with.
		var role string
		p.run(chromedp.Evaluate(`(e => e.getAttribute("role") + " " + e.getAttribute("aria-roledescription"))(document.getElementById("picture-frame"))`, &role))
		assert.Equal(t, "application box picker", role)
		var same bool
		p.run(chromedp.Evaluate(`document.getElementById("reading") === window.summaryBefore && document.getElementById("reading").getAttribute("aria-live") === "polite"`, &same))
		assert.True(t, same, "the reader's sentence is read out from an element there from the start")
		assert.Equal(t, "none: an upload has no clean digit to compare with", p.text("#dae-scores"), "no clean digit, no scores")
		var rows int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#noisy-scores, #ae-scores").length`, &rows))
		assert.Zero(t, rows, "nor rows of dashes")
		assert.Contains(t, p.text("#box-hint"), "Not the digit, or not all of it? Drag a box around it on the picture", "how to box another part, under the tiles")
		// Away and back: the file picker is drawn anew, naming the file
		// again, and the page says which file it shows.
		p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitNotPresent("#upload", chromedp.ByQuery),
			chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery))
		assert.Equal(t, "Shown: "+filepath.Base(path), p.text("#upload-status"))
		var named string
		p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &named))
		assert.Equal(t, filepath.Base(path), named, "the picker names the file shown")
		// The box drawn on the picture as given is where the digit was
		// found: as the picture is shown, within half a percent of the
		// native preparation's.
		pic := image.NewGray(image.Rect(0, 0, info.Width, info.Height))
		want, ok := webapp.Upload{Picture: pic, Part: pic.Rect, Info: info}.Found()
		require.True(t, ok)
		var got []float64
		p.run(chromedp.Evaluate(`(() => {
			const f = document.getElementById("found").getBoundingClientRect(), o = document.getElementById("original").getBoundingClientRect();
			return [(f.left - o.left) / o.width * 100, (f.top - o.top) / o.height * 100, f.width / o.width * 100, f.height / o.height * 100];
		})()`, &got))
		assert.InDeltaSlice(t, []float64{want.Left, want.Top, want.Width, want.Height}, got, 0.5, "the box drawn, in percent of the picture's square")
		p.b.screenshot(t, "upload")

		// A 28×28 picture is taken whole, as an MNIST digit, its noise
		// kept: the note that preparation took the noise away is not said.
		small := image.NewGray(image.Rect(0, 0, 28, 28))
		for i, v := range samples[3].Pixels {
			small.Pix[i] = uint8(255 * v)
		}
		var buf bytes.Buffer
		require.NoError(t, png.Encode(&buf, small))
		mnistPath := filepath.Join(t.TempDir(), "mnist.png")
		require.NoError(t, os.WriteFile(mnistPath, buf.Bytes(), 0o644))
		before := p.src("#dae-output")
		p.run(chromedp.SetUploadFiles("#upload", []string{mnistPath}, chromedp.ByQuery))
		p.changed("#dae-output", before)
		var notes int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#prepared-note").length`, &notes))
		assert.Zero(t, notes, "a 28×28 picture is not prepared so")
	})

	t.Run("an upload is prepared on the page where no worker can", func(t *testing.T) {
		// Where the worker that prepares uploads cannot start (its script
		// not served; a module the browser will not post it), the page
		// prepares them itself, as before there was a worker, and after
		// three failures in a row stops trying.
		p := upload(t)
		p.js(`window.prepWorkers = 0; const W = window.Worker;
			window.Worker = function (url) { if (url.endsWith("prep.js")) { window.prepWorkers++; url = "web/missing.js"; } return new W(url); }`)
		prepared := func() string {
			var where string
			p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &where))
			return where
		}
		before := ""
		for i, sample := range []int{7, 3, 5, 1} {
			if i == 1 {
				p.js(`window.godaeModule = function () {}`) // cannot be posted: the browser throws
			}
			path, data := noisyUpload(t, samples[sample].Pixels)
			p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
			before = p.changed("#dae-output", before)
			in, _, err := prepare(data)
			require.NoError(t, err)
			p.checkResult("upload", m, webapp.Strong, in, nil)
			assert.Equal(t, "page", prepared(), "upload %d", i)
			var refused bool
			p.run(chromedp.Evaluate(`document.querySelector("#upload-status.refused") !== null`, &refused))
			assert.False(t, refused, "upload %d", i)
		}
		var tries int
		p.run(chromedp.Evaluate(`window.prepWorkers`, &tries))
		assert.Equal(t, 3, tries, "workers tried for four uploads")

		// Nor does a decoder whose script is not served stop the app: the
		// upload is refused, saying so.
		p.js(`const W2 = window.Worker; window.Worker = function (url) { return new W2(url.endsWith("decode.js") ? "web/missing.js" : url); }`)
		path, _ := noisyUpload(t, samples[2].Pixels)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("the page's picture decoder could not be loaded (is the network down?): try again once it is back")`, nil, chromedp.WithPollingTimeout(10*time.Second)))

		// Nor one that answers what is not a picture (a script of the
		// page's could): the app went down on it (a panic copying "pixels"
		// that were not bytes). The console's errors are checked at the
		// end of TestApp.
		for _, c := range []struct{ answer, says string }{
			{`{pixels: "not bytes"}`, "the decoder (web/decode.js) answered no pixels but string"},
			{`7`, "the decoder (web/decode.js) answered no picture but number"},
		} {
			p.js(`(() => { const W3 = window.Worker; window.Worker = function (url) {
				if (!url.endsWith("decode.js")) return new W3(url);
				const f = {onmessage: null, onerror: null, terminate() {}, postMessage() { setTimeout(() => f.onmessage && f.onmessage({data: ` + c.answer + `}), 10) }};
				return f;
			} })()`)
			path, _ := noisyUpload(t, samples[4].Pixels)
			p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
			p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes(`+jsString(c.says)+`)`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		}
	})

	t.Run("choose the digit on a picture of two", func(t *testing.T) {
		// The page takes the 8, which has more ink; a box dragged around
		// the 7 with the mouse takes the 7; "Use the whole picture" takes
		// the 8 again.
		p := upload(t)
		eight, seven := samples[24], samples[21]
		require.Equal(t, []int{8, 7}, []int{eight.Label, seven.Label})
		p.run(chromedp.SetUploadFiles("#upload", []string{twoDigitUpload(t, eight.Pixels, seven.Pixels)}, chromedp.ByQuery))
		before := p.changed("#model-input", "")
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 8 ("), "the 8 is taken: %s", p.text("#model-input-reading"))
		assert.Contains(t, p.text("#several"), "may hold more than one digit", "the 7 left out is said")
		assert.Contains(t, p.text("#reading"), ". That is said of the ink taken as the digit, boxed on the picture: this picture may hold more than one digit.", "and the verdict is said of the digit taken")
		// The picture is 2:1; the 7 is in its right third.
		p.dragBox(2, 1, 0.63, 0.05, 0.99, 0.95)
		before = p.changed("#model-input", before)
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 is taken: %s", p.text("#model-input-reading"))
		assert.Contains(t, p.text("#picture-frame + figcaption"), "dashed: your box; solid: the digit found in it", "the two boxes told apart")
		var found, chosen []float64
		box := func(id string, dst *[]float64) {
			p.run(chromedp.Evaluate(`(() => { const r = document.getElementById("`+id+`").getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`, dst))
		}
		box("found", &found)
		box("chosen", &chosen)
		var several int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#several").length`, &several))
		assert.Zero(t, several, "the part chosen holds one digit")
		assert.True(t, found[0] >= chosen[0] && found[1] >= chosen[1] && found[2] <= chosen[2] && found[3] <= chosen[3], "the 7 found (%v) is in the box drawn (%v)", found, chosen)
		p.b.screenshot(t, "upload-part")

		before = p.src("#model-input")
		p.run(chromedp.Click("#whole-picture", chromedp.ByQuery))
		p.changed("#model-input", before)
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 8 ("), "the 8 again: %s", p.text("#model-input-reading"))
		var left int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#chosen, #whole-picture").length`, &left))
		assert.Zero(t, left, "no part chosen, no button")
		// A box around both digits: what may hold more than one is the box.
		p.dragBox(2, 1, 0.02, 0.03, 0.98, 0.97)
		p.run(chromedp.Poll(`document.getElementById("several")?.textContent === "Your box may hold more than one digit: drag one around yours alone."`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		assert.Contains(t, p.text("#reading"), ". That is said of the ink taken as the digit in your box, which may hold more than one digit.")
		p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery))

		// For those who cannot drag, two taps at opposite corners: the
		// first is marked on the picture and said under it, the second
		// takes the box between them (the 7). A touch's tap moves a little
		// as the finger lifts (3 px here).
		before = p.src("#model-input")
		p.dragBox(2, 1, 0.63, 0.05, 0.63+3.0/168, 0.05)
		p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery))
		assert.Equal(t, webapp.CornerMarked, p.text("#corner-note"), "said in the status line under the tiles")
		var dot, pic []float64
		box("corner", &dot)
		box("picture-frame", &pic)
		assert.InDelta(t, pic[0]+(0.63+3.0/168)*(pic[2]-pic[0]), (dot[0]+dot[2])/2, 1.5, "the dot where the tap lifted, across")
		assert.InDelta(t, pic[1]+(0.25+0.05*0.5)*(pic[3]-pic[1]), (dot[1]+dot[3])/2, 1.5, "and down (the 2:1 picture is centred in its square)")
		// A mouse over the picture shows the box a tap there would take.
		mouse := p.mouseOn("#picture-frame")
		p.run(mouse(input.MouseMoved, 0.99, 0.25+0.95*0.5))
		var preview []float64
		p.run(chromedp.Poll(`document.getElementById("drag").style.display === "block"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		box("drag", &preview)
		assert.InDelta(t, (dot[0]+dot[2])/2, preview[0], 1.5, "from the corner tapped")
		assert.InDelta(t, pic[0]+0.99*(pic[2]-pic[0]), preview[2], 1.5, "to the pointer")
		p.dragBox(2, 1, 0.99, 0.95, 0.99, 0.95)
		p.changed("#model-input", before)
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 taken by two taps: %s", p.text("#model-input-reading"))
		var shownDrag string
		p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shownDrag))
		assert.Equal(t, "none", shownDrag, "the box shown while the mouse moved is gone")
		p.run(chromedp.WaitNotPresent("#corner", chromedp.ByQuery), chromedp.WaitNotPresent("#corner-note", chromedp.ByQuery))
		// A corner tapped and then a box taken another way (here the whole
		// picture again): the corner goes with it.
		p.dragBox(2, 1, 0.5, 0.5, 0.5, 0.5)
		p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery))
		p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery),
			chromedp.WaitNotPresent("#corner", chromedp.ByQuery))
		// And Escape on the picture drops it.
		p.dragBox(2, 1, 0.5, 0.5, 0.5, 0.5)
		p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery), chromedp.KeyEvent(kb.Escape), // the press focused the picture
			chromedp.WaitNotPresent("#corner", chromedp.ByQuery), chromedp.WaitNotPresent("#corner-note", chromedp.ByQuery))

		// The same from the keyboard: Enter on the picture starts a box
		// around the digit found (the 8), with room; ArrowRight moves it
		// over the 7, to the picture's edge, where it says it cannot go
		// further and what to do; Enter takes it.
		before = p.src("#model-input")
		p.run(chromedp.Focus("#picture-frame", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
		assert.True(t, strings.HasPrefix(p.text("#keybox-status"), "A box around the digit found on the picture: the arrows move it"), p.text("#keybox-status"))
		var keyed, frame []float64
		box("found", &found)
		box("drag", &keyed)
		box("picture-frame", &frame)
		assert.True(t, keyed[0] <= found[0] && keyed[1] <= found[1] && keyed[2] >= found[2] && keyed[3] >= found[3], "the keyboard's box (%v) starts around the digit found (%v)", keyed, found)
		assert.Less(t, keyed[2]-keyed[0], 0.5*(frame[2]-frame[0]), "and not over the whole picture")
		edge := "The box cannot move that way: it is at the edge of the picture. Shift and the arrows make it smaller."
		for range 40 {
			if p.text("#keybox-status") == edge {
				break
			}
			p.run(chromedp.KeyEvent(kb.ArrowRight))
		}
		assert.Equal(t, edge, p.text("#keybox-status"))
		var shown string
		p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
		assert.Equal(t, "block", shown, "the keyboard's box is shown")
		box("drag", &keyed)
		assert.InDelta(t, frame[2], keyed[2], 1, "at the picture's right edge")
		p.run(chromedp.KeyEvent(kb.ArrowLeft))
		assert.Regexp(t, `^The box on the picture: \d+ to 95 % across, \d+ to \d+ % down\.$`, p.text("#keybox-status"), "and read out where it is")
		p.run(chromedp.KeyEvent(kb.ArrowRight))
		p.run(chromedp.KeyEvent(kb.Enter))
		p.changed("#model-input", before)
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 taken from the keyboard: %s", p.text("#model-input-reading"))
		// "Use the whole picture" from the keyboard: the button goes, and
		// the focus stays on the picture.
		p.run(chromedp.Focus("#whole-picture", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery))
		var focused string
		p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
		assert.Equal(t, "picture-frame", focused, "the keyboard's focus after the whole picture is taken again")

		// A keyboard's box is not carried over to the next upload.
		p.run(chromedp.KeyEvent(kb.Enter))
		p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
		require.Equal(t, "block", shown)
		before = p.src("#model-input")
		p.run(chromedp.SetUploadFiles("#upload", []string{twoDigitUpload(t, seven.Pixels, eight.Pixels)}, chromedp.ByQuery))
		p.changed("#model-input", before)
		p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
		assert.Equal(t, "none", shown, "the box on the picture before is gone")
		p.run(chromedp.Focus("#picture-frame", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
		assert.Equal(t, "The box is dropped: another picture came.", p.text("#keybox-status"), "said, and the arrows move no box")
	})

	t.Run("a small digit in a large photo", func(t *testing.T) {
		// 70 pixels high in 2,000×1,500: 17 in the picture the page
		// decodes first; the page decodes the part around it again from
		// the file, at full scale, and prepares that, as Go does natively.
		p := upload(t)
		digit := samples[12] // a 4
		path, data, photo := smallDigitPhoto(t, digit.Pixels)
		want, _, err := prepare(data)
		require.NoError(t, err)
		wantRead, err := m.Run(webapp.Strong, want, nil)
		require.NoError(t, err)
		require.Equal(t, digit.Label, wantRead.InputReading.Digit, "read natively")

		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		// The coarse input first, then the finer one: wait until the page
		// shows an input close to the native one.
		closeTo := func(want []float32) float64 {
			var diff float64
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
				got := pixels(t, p.changed("#model-input", ""))
				diff = 0
				for i := range want {
					diff += math.Abs(float64(got[i] - want[i]))
				}
				diff /= float64(len(want))
				if diff < 0.03 || time.Now().After(deadline) {
					return diff
				}
			}
		}
		diff := closeTo(want)
		t.Logf("mean difference from the native input %.4f", diff)
		assert.Less(t, diff, 0.03, "the page prepared the part decoded at full scale, as Go does")
		var prepared string
		p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &prepared))
		assert.Equal(t, "worker", prepared, "in the worker")
		// Busy while it was looked at again (a screen reader says the
		// finer reading, not both), and no longer.
		p.run(chromedp.Poll(`document.getElementById("results").getAttribute("aria-busy") === "false"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), fmt.Sprintf("reads %d (", digit.Label)), "%s", p.text("#model-input-reading"))
		// Shown enlarged too: the inset's view, as shares of the picture,
		// holds the digit's 70 pixels and is not much more.
		var view []float64
		p.run(chromedp.Evaluate(insetViewJS, &view))
		require.Len(t, view, 4)
		assert.True(t, view[0] <= 1000.0/2000 && view[1] <= 700.0/1500 && view[2] >= 1070.0/2000 && view[3] >= 770.0/1500, "the enlarged view %v holds the digit", view)
		assert.Less(t, (view[2]-view[0])*2000, 3*70.0, "and is not much more")
		p.b.screenshot(t, "upload-small-digit")
		// On a tablet's width its five tiles are still one row.
		var tops []float64
		p.run(chromedp.EmulateViewport(768, 1024),
			chromedp.Evaluate(`[...document.querySelectorAll("#results .tiles > figure")].map(f => Math.round(f.getBoundingClientRect().top))`, &tops))
		p.b.screenshot(t, "upload-small-digit-tablet")
		p.run(chromedp.ActionFunc(func(ctx context.Context) error { return emulation.ClearDeviceMetricsOverride().Do(ctx) }))
		require.Len(t, tops, 5, "the picture, its enlarged view and three tiles")
		assert.Equal(t, []float64{tops[0], tops[0], tops[0], tops[0], tops[0]}, tops, "in one row at 768 px")
		// A drag begun on the view while another upload comes (the same
		// photo again) takes nothing from the new one.
		again := filepath.Join(t.TempDir(), "small-digit-again.png")
		require.NoError(t, os.WriteFile(again, data, 0o644))
		mouse := p.mouseOn("#inset")
		shown := p.src("#original")
		p.run(mouse(input.MousePressed, 0.1, 0.1), mouse(input.MouseMoved, 0.5, 0.5))
		p.run(chromedp.SetUploadFiles("#upload", []string{again}, chromedp.ByQuery))
		p.changed("#original", shown)
		p.run(chromedp.WaitVisible("#inset", chromedp.ByQuery), mouse(input.MouseMoved, 0.9, 0.9), mouse(input.MouseReleased, 0.9, 0.9))
		// The page says why the box was not taken; by then it would show
		// the box, had it been taken.
		p.run(chromedp.Poll(`document.getElementById("message")?.textContent.includes("begun on the picture before this one")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		var boxes int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#chosen").length`, &boxes))
		assert.Zero(t, boxes, "a drag begun on the last upload's view")
		// A box dragged on the enlarged view, around its middle, takes
		// that part of the picture: the digit, read as before.
		p.dragOn("#inset", 0.1, 0.1, 0.9, 0.9)
		p.run(chromedp.WaitVisible("#chosen", chromedp.ByQuery))
		var chosen []float64
		p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
		// The picture fills the square's width; the digit is at 1000–1070 of 2000.
		assert.InDelta(t, view[0]+0.1*(view[2]-view[0]), chosen[0], 0.01, "the box's left, from the view's")
		assert.InDelta(t, view[0]+0.9*(view[2]-view[0]), chosen[1], 0.01, "the box's right, from the view's")
		assert.Eventually(t, func() bool {
			return strings.HasPrefix(p.text("#model-input-reading"), fmt.Sprintf("reads %d (", digit.Label))
		}, 10*time.Second, 100*time.Millisecond, "the digit taken from the box: %s", p.text("#model-input-reading"))
		insetView := func() {
			p.run(chromedp.Evaluate(insetViewJS, &view))
		}
		// Two taps on the view at opposite corners take the box between.
		insetView()
		p.dragOn("#inset", 0.2, 0.25, 0.2, 0.25)
		p.run(chromedp.WaitVisible("#inset-corner", chromedp.ByQuery))
		assert.Equal(t, webapp.CornerMarked, p.text("#corner-note"))
		p.b.screenshot(t, "upload-corner")
		p.dragOn("#inset", 0.8, 0.75, 0.8, 0.75)
		p.run(chromedp.WaitNotPresent("#inset-corner", chromedp.ByQuery))
		assert.Eventually(t, func() bool {
			p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
			return math.Abs(view[0]+0.2*(view[2]-view[0])-chosen[0]) < 0.01 && math.Abs(view[0]+0.8*(view[2]-view[0])-chosen[1]) < 0.01
		}, 10*time.Second, 100*time.Millisecond, "the box tapped on the view (%v), taken from it (%v)", view, chosen)
		// The whole picture again, looked at finely, before the keyboard's
		// box: a part holding all of the digit and nothing else is prepared
		// as the same input as another such part.
		p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery),
			chromedp.Poll(`document.getElementById("results").getAttribute("aria-busy") === "false"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		// The same from the keyboard: Enter on the view starts a box over
		// all of it, Shift and the arrows narrow and shorten it about its
		// middle (to 0.8 × 0.8 of it, twice), Enter takes it.
		insetView()
		p.run(chromedp.Focus("#inset", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
		for range 2 {
			p.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(input.ModifierShift)), chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(input.ModifierShift)))
		}
		assert.Equal(t, "The box on the enlarged part: 18 to 82 % across, 18 to 82 % down.", p.text("#keybox-status"))
		before := p.src("#model-input")
		p.run(chromedp.KeyEvent(kb.Enter))
		p.changed("#model-input", before)
		assert.True(t, strings.HasPrefix(p.text("#keybox-status"), "The part in the box is taken"), p.text("#keybox-status"))
		var focused string
		p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
		assert.Equal(t, "picture-frame", focused, "the focus on the picture, which stays")
		p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
		assert.InDelta(t, view[0]+0.18*(view[2]-view[0]), chosen[0], 0.01, "the keyboard box's left, from the view's")
		assert.InDelta(t, view[0]+0.82*(view[2]-view[0]), chosen[1], 0.01, "the keyboard box's right, from the view's")

		// A box dragged around it, 270 pixels of the file: the page
		// decodes the part around the digit again too, within the box.
		part := image.Rect(900, 600, 1170, 870)
		wantPart, _, err := digitprep.Prepare(photo.SubImage(part))
		require.NoError(t, err)
		before = p.src("#model-input")
		p.dragBox(2000, 1500, 0.45, 0.4, 0.585, 0.58)
		p.changed("#model-input", before) // the part taken, then looked at closer
		diff = closeTo(wantPart)
		t.Logf("a part chosen: mean difference from the native input %.4f", diff)
		assert.Less(t, diff, 0.03, "the page prepared the chosen part decoded at full scale, as Go does")
		// And the whole picture again is the finer input, not the coarse.
		before = p.src("#model-input")
		p.run(chromedp.Click("#whole-picture", chromedp.ByQuery))
		p.changed("#model-input", before)
		diff = closeTo(want)
		t.Logf("the whole picture again: mean difference from the native input %.4f", diff)
		assert.Less(t, diff, 0.03, "the whole picture as it was refined")

		// Boxes dragged in quick succession: the file is decoded again
		// once at a time, not once for each box at once.
		// Each worker is counted, and with workers.delay set its answer
		// reaches the page that much later, so that a decode is sure to
		// be under way when the next file comes; a worker stopped before
		// it answered counts as stopped.
		p.js(`(() => {
			const W = window.Worker;
			window.workers = {live: 0, peak: 0, made: 0, stopped: 0, delay: 0};
			window.Worker = function (url) {
				const w = new W(url), stop = w.terminate.bind(w);
				let answered = false;
				workers.live++; workers.made++; workers.peak = Math.max(workers.peak, workers.live);
				w.terminate = () => { workers.live--; if (!answered) workers.stopped++; stop(); };
				let handler = null;
				w.addEventListener("message", e => setTimeout(() => { answered = true; if (handler) handler(e); }, workers.delay));
				Object.defineProperty(w, "onmessage", {set(f) { handler = f; }, get() { return handler; }});
				return w;
			};
		})()`)
		for i := range 5 {
			p.dragBox(2000, 1500, 0.44-0.01*float64(i), 0.39, 0.59, 0.59)
		}
		var workers struct{ Live, Peak, Made, Stopped int }
		p.run(chromedp.Poll(`workers.made > 0 && workers.live === 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Evaluate(`workers`, &workers))
		t.Logf("five boxes: %d decodes, at most %d at once", workers.Made, workers.Peak)
		assert.Equal(t, 1, workers.Peak, "one decode at a time")

		// A box dragged and, while its part decodes, another file picked:
		// the page stops that decode, starts the new file's only then and
		// shows it.
		p.js(`workers.made = 0; workers.peak = 0; workers.stopped = 0; workers.delay = 500`)
		before = p.src("#model-input")
		p.dragBox(2000, 1500, 0.46, 0.41, 0.57, 0.57)
		p.run(chromedp.Poll(`workers.live === 1`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		seven, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
		require.NoError(t, err)
		// uploadSeven picks the 7 while a decode is under way and checks
		// that that decode stopped and the 7 is shown.
		uploadSeven := func(what string) {
			t.Helper()
			shown := p.src("#original")
			p.run(chromedp.SetUploadFiles("#upload", []string{seven}, chromedp.ByQuery))
			p.run(chromedp.Poll(`workers.made >= 2 && workers.live === 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
				chromedp.Evaluate(`workers`, &workers))
			t.Logf("%s: %d decodes, %d stopped, at most %d at once", what, workers.Made, workers.Stopped, workers.Peak)
			assert.Equal(t, 1, workers.Peak, "%s: one decode at a time", what)
			assert.Equal(t, 1, workers.Stopped, "%s: the decode under way stopped for the 7", what)
			// A picture of its own (the page may still show the last
			// upload's, a 7 too), and its reading.
			p.changed("#original", shown)
			assert.Eventually(t, func() bool { return strings.HasPrefix(p.text("#model-input-reading"), "reads 7 (") },
				5*time.Second, 100*time.Millisecond, "%s: the 7 is shown: %s", what, p.text("#model-input-reading"))
		}
		uploadSeven("a box, then a new file")
		p.changed("#model-input", before)

		// Two files picked one after the other (the photo, then the 7
		// again): the first one's decode stops, and the second is shown.
		p.js(`workers.made = 0; workers.peak = 0; workers.stopped = 0`)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.run(chromedp.Poll(`workers.live === 1`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		// While it reads the photo the page says so, and dims the last
		// upload's results.
		p.run(chromedp.Poll(`document.getElementById("upload-status").textContent === "Reading `+filepath.Base(path)+` and finding its digit…" && document.getElementById("results").getAttribute("aria-busy") === "true"`,
			nil, chromedp.WithPollingTimeout(10*time.Second)))
		uploadSeven("two files")
		assert.Equal(t, "Shown: seven.webp", p.text("#upload-status"), "once the 7 is shown")
		var busy string
		p.run(chromedp.Evaluate(`document.getElementById("results").getAttribute("aria-busy")`, &busy))
		assert.Equal(t, "false", busy)
	})

	t.Run("upload WebP, CMYK JPEG, a large PNG, a transparent one and an animated GIF", func(t *testing.T) {
		// The browser decodes (and scales the large one to 456 px first)
		// with other code than Go's, so the input is compared loosely with
		// the one prepared natively. A PNG of white ink on a transparent
		// canvas too: the page keeps its transparency, which tells the
		// ink (white on white, it was "no digit found"); and an animated
		// GIF.
		p := upload(t)
		var paths []string
		for _, name := range []string{"seven.webp", "seven-cmyk.jpg"} {
			path, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", name))
			require.NoError(t, err)
			paths = append(paths, path)
		}
		paths = append(paths, bigUpload(t, samples[3].Pixels), clearUpload(t, samples[5].Pixels), animatedUpload(t, samples[7].Pixels, samples[1].Pixels))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			before := p.src("#model-input")
			p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
			got := pixels(t, p.changed("#model-input", before))
			want, _, err := prepare(data)
			require.NoError(t, err)
			var diff float64
			for i := range want {
				diff += math.Abs(float64(got[i] - want[i]))
			}
			name := filepath.Base(path)
			t.Logf("%s: mean difference from Go's decoding %.4f", name, diff/float64(len(want)))
			assert.Less(t, diff/float64(len(want)), 0.02, name)
		}
		// The animated GIF (the last) is shown as its first frame, the one
		// read (Go's decoder reads it too), not playing the others.
		// Four screenshots 150 ms apart span 450 ms, more than a frame's
		// 400 ms: a GIF playing changes frame between two of them.
		p.run(chromedp.ScrollIntoView("#original", chromedp.ByQuery))
		var shots [][]byte
		for range 4 {
			var shot []byte
			p.run(chromedp.Screenshot("#original", &shot, chromedp.ByQuery), chromedp.Sleep(150*time.Millisecond))
			shots = append(shots, shot)
		}
		for i, shot := range shots[1:] {
			assert.True(t, bytes.Equal(shots[0], shot), "the GIF is shown as its first frame, a still picture, not playing (shot %d)", i+2)
		}
		assert.Equal(t, "Shown: animated.gif (animated: the page reads its first frame)", p.text("#upload-status"))
	})

	t.Run("uploads of printed and handwritten digits are read right", func(t *testing.T) {
		// A handful of the generated uploads (internal/uploads) through the
		// real file input: the page's reading of its model input names the
		// digit drawn, as the native preparation and reader do.
		p := upload(t)
		dir, err := mnist.DefaultDir()
		require.NoError(t, err)
		test, err := mnist.Load(dir, mnist.Test)
		require.NoError(t, err)
		set, err := uploads.Set(10, 2, test) // one of each digit
		require.NoError(t, err)
		tmp := t.TempDir()
		for _, u := range set {
			path := filepath.Join(tmp, u.Name)
			require.NoError(t, os.WriteFile(path, u.Data, 0o644))
			before := p.src("#model-input")
			p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
			p.changed("#model-input", before)
			in, _, err := prepare(u.Data)
			require.NoError(t, err)
			want, err := m.Run(webapp.Strong, in, nil)
			require.NoError(t, err)
			shown := p.text("#model-input-reading")
			t.Logf("%s: %s", u.Name, shown)
			assert.Equal(t, u.Digit, want.InputReading.Digit, "%s: read natively as %s", u.Name, want.InputReading)
			assert.True(t, strings.HasPrefix(shown, fmt.Sprintf("reads %d (", u.Digit)), "%s: the page shows %q", u.Name, shown)
		}
	})

	t.Run("a file dropped anywhere on the page is an upload", func(t *testing.T) {
		// Not only on the drop zone, nor only on its tab: a browser opens a
		// file dropped where the page does not take it in the page's
		// place. Of two files, the picture is taken.
		p := open(t)
		data, err := os.ReadFile(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
		require.NoError(t, err)
		// Files dragged over the page: it says a drop is an upload.
		var says string
		p.run(chromedp.Evaluate(`(() => {
			const dt = new DataTransfer();
			dt.items.add(new File(["x"], "seven.png", {type: "image/png"}));
			document.querySelector("footer").dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
			return getComputedStyle(document.body, "::after").content;
		})()`, &says))
		assert.Equal(t, `"Drop the picture to upload it"`, says)
		var taken bool
		p.run(chromedp.Evaluate(`(() => {
			const bytes = Uint8Array.from(atob(`+jsString(base64.StdEncoding.EncodeToString(data))+`), c => c.charCodeAt(0));
			const dt = new DataTransfer();
			dt.items.add(new File(["a list"], "notes.txt", {type: "text/plain"}));
			dt.items.add(new File([bytes], "dropped.webp", {type: "image/webp"}));
			const ev = new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true});
			document.querySelector("footer").dispatchEvent(ev);
			return ev.defaultPrevented;
		})()`, &taken))
		assert.True(t, taken, "the page takes the drop, the browser does not open the file")
		var still bool
		p.run(chromedp.Evaluate(`document.body.classList.contains("drop-target")`, &still))
		assert.False(t, still, "nor says so once the file is dropped")
		p.run(chromedp.WaitVisible("#upload", chromedp.ByQuery))
		p.changed("#dae-output", "")
		assert.Equal(t, "Shown: dropped.webp (of 2 files given, the page reads one picture)", p.text("#upload-status"), "of the two files dropped, the picture is read, and the page says so")
		var picked string
		p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &picked))
		assert.Equal(t, "dropped.webp", picked, "the picker names the file dropped")

		// A picture dragged from another page is a link, not a file: said.
		p.js(`(() => {
			const dt = new DataTransfer();
			dt.setData("text/uri-list", "https://example.com/seven.png");
			document.querySelector("footer").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		})()`)
		p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.startsWith("what was dropped: not a file")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		assert.True(t, strings.HasSuffix(p.text("#upload-status"), "Still shown: dropped.webp (of 2 files given, the page reads one picture)"), p.text("#upload-status"))

		// A file refused before it is decoded, dropped while a picture is
		// read, does not cost that picture (it superseded it).
		cmyk, err := os.ReadFile(filepath.Join("..", "digitprep", "testdata", "seven-cmyk.jpg"))
		require.NoError(t, err)
		before := p.src("#dae-output")
		p.js(`(() => {
			const drop = f => {
				const dt = new DataTransfer();
				dt.items.add(f);
				document.querySelector("footer").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
			};
			drop(new File([Uint8Array.from(atob(` + jsString(base64.StdEncoding.EncodeToString(cmyk)) + `), c => c.charCodeAt(0))], "other.jpg", {type: "image/jpeg"}));
			drop(new File(["a list"], "notes.txt", {type: "text/plain"}));
		})()`)
		p.changed("#dae-output", before)
		p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.endsWith("Still shown: other.jpg")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		assert.True(t, strings.HasPrefix(p.text("#upload-status"), "notes.txt: "), p.text("#upload-status"))
	})

	t.Run("upload a file that is not an image", func(t *testing.T) {
		p := upload(t)
		// Before any upload the code-unit part says what it needs.
		assert.Contains(t, p.text("#nudge-hint"), "Pick a sample, upload or draw a digit")
		path := filepath.Join(t.TempDir(), "notes.png")
		require.NoError(t, os.WriteFile(path, []byte("these are not pixels"), 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("notes.png")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		assert.True(t, strings.HasPrefix(p.text("#upload-status"), "notes.png: not an image that can be read"), "said beside the picker: %s", p.text("#upload-status"))
		p.b.screenshot(t, "upload-error")

		// An SVG drawing: the browser shows it, but it is not pixels.
		path = filepath.Join(t.TempDir(), "seven.svg")
		require.NoError(t, os.WriteFile(path, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280"><text x="80" y="220" font-size="240">7</text></svg>`), 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("seven.svg")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		assert.Contains(t, p.text("#upload-status"), "(this file is an SVG drawing, not pixels: export it as PNG, or take a screenshot of it)")

		// A PNG cut short: its header is read, its pixels are not.
		img := image.NewGray(image.Rect(0, 0, 300, 300))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		var buf bytes.Buffer
		require.NoError(t, png.Encode(&buf, img))
		path = filepath.Join(t.TempDir(), "cut.png")
		require.NoError(t, os.WriteFile(path, buf.Bytes()[:buf.Len()/2], 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("cut.png: ")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		t.Logf("a PNG cut short: %s", p.text("#upload-status"))
		assert.Contains(t, p.text("#upload-status"), "damaged or cut short")

		// Refused while another tab is shown, it is said when the upload
		// tab is back, with the picture still shown.
		seven, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
		require.NoError(t, err)
		before := p.src("#dae-output")
		p.run(chromedp.SetUploadFiles("#upload", []string{seven}, chromedp.ByQuery))
		p.changed("#dae-output", before)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery), chromedp.Click("#tab-gallery", chromedp.ByQuery))
		p.run(chromedp.Sleep(time.Second), chromedp.Click("#tab-upload", chromedp.ByQuery),
			chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("cut.png: ")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		assert.True(t, strings.HasSuffix(p.text("#upload-status"), ". Still shown: seven.webp"), p.text("#upload-status"))
		var picked string
		p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &picked))
		assert.Equal(t, "seven.webp", picked, "the picker names the picture shown, not the file refused")
	})

	t.Run("a picture with no digit found stays, to box the digit on", func(t *testing.T) {
		// A blot with more ink than the bar beside it is taken for the
		// digit and refused as a dot; the picture stays, and a box around
		// the bar takes it.
		p := upload(t)
		pic := image.NewGray(image.Rect(0, 0, 200, 100))
		for y := range 100 {
			for x := range 200 {
				if math.Hypot(float64(x-50), float64(y-50)) < 13 || x >= 150 && x < 155 && y >= 20 && y < 80 {
					pic.SetGray(x, y, color.Gray{Y: 255})
				}
			}
		}
		var buf bytes.Buffer
		require.NoError(t, png.Encode(&buf, pic))
		path := filepath.Join(t.TempDir(), "blot.png")
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery), chromedp.WaitVisible("#note", chromedp.ByQuery))
		assert.Contains(t, p.text("#note"), "blot.png: no digit found: the only ink is a dot or a solid block; if there is one, drag a box around it on the picture")
		var class string
		p.run(chromedp.Evaluate(`document.getElementById("note").className`, &class))
		assert.Equal(t, "note", class, "what the page found, not an error")
		p.run(chromedp.WaitVisible("#original", chromedp.ByQuery))
		var tiles int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#model-input, #found").length`, &tiles))
		assert.Zero(t, tiles, "no input and no box: no digit was found")
		p.b.screenshot(t, "upload-no-digit")

		// A slip of the mouse, a stroke across with no height (a press that
		// moves less than 8 px is a tap, a box's first corner), is not a
		// box: the page says how to draw one, and what it found in the
		// picture still.
		p.dragBox(200, 100, 0.74, 0.4, 0.84, 0.405)
		p.run(chromedp.Poll(`document.getElementById("message")?.textContent === "That box is too small to hold a digit: drag one around the whole digit."`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		p.run(chromedp.Evaluate(`document.getElementById("message").className`, &class))
		assert.Equal(t, "error", class)
		assert.Contains(t, p.text("#note"), "blot.png: no digit found")

		// A box around nothing is refused, and stays drawn while the page
		// says so, for the person to see what they tried (it went).
		p.dragBox(200, 100, 0.4, 0.1, 0.7, 0.9)
		p.run(chromedp.Poll(`document.getElementById("message")?.textContent.startsWith("The box chosen: no digit found")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		var tried []float64
		p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("refused").getBoundingClientRect(), p = document.getElementById("picture-frame").getBoundingClientRect(); return [(f.left - p.left) / p.width, (f.right - p.left) / p.width]; })()`, &tried))
		assert.InDelta(t, 0.4, tried[0], 0.03, "the box refused, where it was drawn")
		assert.InDelta(t, 0.7, tried[1], 0.03)

		p.dragBox(200, 100, 0.7, 0.1, 0.85, 0.9)
		p.changed("#model-input", "")
		p.run(chromedp.WaitNotPresent("#refused", chromedp.ByQuery))
		var left int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#message, #note").length`, &left))
		assert.Zero(t, left, "the note is gone")
		assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 1 ("), "the bar taken, a 1: %s", p.text("#model-input-reading"))
		var found []float64
		p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("found").getBoundingClientRect(), p = document.getElementById("picture-frame").getBoundingClientRect(); return [(f.left+f.right)/2 - p.left, p.width]; })()`, &found))
		assert.InDelta(t, 152.5/200, found[0]/found[1], 0.02, "the box found is at the bar")
		// The tiles in their order, with and without the enlarged part.
		order := []string{"picture-frame", "model-input", "dae-output", "ae-output", "box-hint"}
		withInset := slices.Insert(slices.Clone(order), 1, "inset")
		assert.Equal(t, order, p.tiles(), "in order, after the picture alone")

		// Another picture with no digit, then one whose digit is enlarged:
		// the tiles come in their order (the plain autoencoder's came
		// second).
		again := filepath.Join(t.TempDir(), "blot-again.png")
		require.NoError(t, os.WriteFile(again, buf.Bytes(), 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{again}, chromedp.ByQuery), chromedp.WaitNotPresent("#model-input", chromedp.ByQuery), chromedp.WaitVisible("#note", chromedp.ByQuery))
		small, _, _ := smallDigitPhoto(t, samples[12].Pixels)
		p.run(chromedp.SetUploadFiles("#upload", []string{small}, chromedp.ByQuery), chromedp.WaitVisible("#inset", chromedp.ByQuery))
		assert.Equal(t, withInset, p.tiles())
		// And a digit that fills its picture between two small ones.
		p.run(chromedp.SetUploadFiles("#upload", []string{bigUpload(t, samples[3].Pixels)}, chromedp.ByQuery), chromedp.WaitNotPresent("#inset", chromedp.ByQuery))
		assert.Equal(t, order, p.tiles())
		p.run(chromedp.SetUploadFiles("#upload", []string{small}, chromedp.ByQuery), chromedp.WaitVisible("#inset", chromedp.ByQuery))
		assert.Equal(t, withInset, p.tiles())
	})

	t.Run("back returns to the tab before", func(t *testing.T) {
		// Each tab is an entry of the history: Back from the drawing
		// comes back to the upload, still shown, and then to the gallery;
		// Forward goes again. A sample or the noise replaces the entry.
		p := upload(t)
		p.run(chromedp.SetUploadFiles("#upload", []string{bigUpload(t, samples[3].Pixels)}, chromedp.ByQuery), chromedp.WaitVisible("#model-input", chromedp.ByQuery))
		shown := p.src("#model-input")
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		var entries int
		p.run(chromedp.Evaluate(`history.length`, &entries))
		tab := func(want string) {
			t.Helper()
			p.run(chromedp.WaitVisible(`#tab-`+want+`[aria-selected="true"]`, chromedp.ByQuery))
		}
		p.js(`history.back()`)
		tab("upload")
		p.run(chromedp.WaitVisible("#model-input", chromedp.ByQuery))
		assert.Equal(t, shown, p.src("#model-input"), "the upload is still there")
		p.js(`history.back()`)
		tab("gallery")
		p.run(chromedp.Click("#sample-7", chromedp.ByQuery))
		p.changed("#dae-output", "")
		var after int
		p.run(chromedp.Evaluate(`history.length`, &after))
		assert.Equal(t, entries, after, "a sample replaced the gallery's entry (Forward's are dropped only by a new one)")
		p.js(`history.forward()`)
		tab("upload")
		// The entry came back to for its tab: the digit chosen since stays,
		// and the address says so.
		var hash string
		p.run(chromedp.Poll(`location.hash.includes("sample=8")`, nil, chromedp.WithPollingTimeout(5*time.Second)), chromedp.Evaluate(`location.hash`, &hash))
		assert.Equal(t, "#tab=upload&sample=8", hash)
		p.run(chromedp.Evaluate(`history.length`, &after))
		assert.Equal(t, entries, after, "Forward added no entry")
		// After a reload too (the upload is gone with it, which the page
		// says).
		p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery))
		tab("upload")
		assert.Equal(t, "Choose a picture of a digit: it shows here, denoised, with what the digit reader sees. A picture chosen before the page was reloaded is not kept: choose it again.", p.text("#results-empty"))
		p.js(`history.back()`)
		tab("gallery")
		p.run(chromedp.WaitVisible(`#sample-7[aria-pressed="true"]`, chromedp.ByQuery))

		// An address edited by hand is followed whole once; Back to it
		// later changes the tab only, as to the page's own (it took back
		// the digit chosen since, and Forward could not bring it back).
		p.js(`location.hash = "#tab=draw&sample=5"`)
		tab("draw")
		p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery))
		tab("gallery")
		p.run(chromedp.WaitVisible(`#sample-4[aria-pressed="true"]`, chromedp.ByQuery), chromedp.Click("#sample-9", chromedp.ByQuery),
			chromedp.WaitVisible(`#sample-9[aria-pressed="true"]`, chromedp.ByQuery))
		p.js(`history.back()`)
		tab("draw")
		p.js(`history.forward()`)
		tab("gallery")
		p.run(chromedp.WaitVisible(`#sample-9[aria-pressed="true"]`, chromedp.ByQuery))

		// Alt+Left on a tab is the browser's Back, not the tab before it
		// (which the tabs took, adding an entry and dropping Forward's).
		p.run(chromedp.Evaluate(`history.length`, &entries))
		p.run(chromedp.Click("#tab-upload", chromedp.ByQuery))
		tab("upload")
		p.run(chromedp.Focus("#tab-upload", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(input.ModifierAlt)))
		p.run(chromedp.Evaluate(`history.length`, &after))
		assert.Equal(t, entries+1, after, "Alt+Left added no entry")

		// The tabs' arrow keys add one entry for a run through them (the
		// upload tab has the focus still): Back returns to the tab the run
		// began on, not to the one passed.
		p.run(chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
		tab("gallery")
		p.js(`history.back()`)
		tab("upload")
		// The focus leaving the tabs ends a run: something may have been
		// done on the tab chosen, which Back is to return to.
		p.run(chromedp.Focus("#tab-upload", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
		tab("draw")
		p.run(chromedp.Focus("#clear", chromedp.ByQuery), chromedp.Focus("#tab-draw", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
		tab("gallery")
		p.js(`history.back()`)
		tab("draw")
	})

	t.Run("upload an image over the pixel limit", func(t *testing.T) {
		// 45 megapixels of black: 44 KB as a PNG, refused from its size
		// before the browser draws it.
		p := upload(t)
		var huge bytes.Buffer
		require.NoError(t, png.Encode(&huge, image.NewGray(image.Rect(0, 0, 9000, 5000))))
		path := filepath.Join(t.TempDir(), "huge.png")
		require.NoError(t, os.WriteFile(path, huge.Bytes(), 0o644))
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("huge.png")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		assert.Contains(t, p.text("#upload-status"), "huge.png: the image is 9000×5000 pixels (45 megapixels); the limit is 40 megapixels: scale it down, or crop it")
	})

	t.Run("draw", func(t *testing.T) {
		p := open(t)
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		assert.Contains(t, p.text("#draw-hint"), "With a mouse, a pen or a finger", "what to do, said where it is seen")
		assert.Equal(t, "Draw a digit in the box: it shows here too, with its figures and the plot.", p.text("#results-empty"), "the results' own words for this tab")
		// A press made by a script, of a pointer the browser does not know
		// (which it will not let the page capture), does not stop the app
		// (it did: a panic): the strokes below are drawn and denoised.
		p.js(`(() => { const c = document.getElementById("draw-canvas"); c.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, pointerId: 99, isPrimary: true})); c.dispatchEvent(new PointerEvent("pointerup", {bubbles: true, pointerId: 99, isPrimary: true})); c.dispatchEvent(new PointerEvent("pointercancel", {bubbles: true, pointerId: 99, isPrimary: true})) })()`)
		p.run(chromedp.Click("#clear", chromedp.ByQuery))
		p.stroke(100, 60, 160, 220)
		p.changed("#dae-output", "")
		var again string
		dataURL, clean := p.drawing()
		in, _ := webapp.DefaultNoise().Apply(clean)
		res := p.checkResult("drawing", m, webapp.Strong, in, clean)
		assert.Contains(t, p.text("#dae-scores"), "dB")
		// Beside the canvas, the same denoised digit and its reading, in
		// sight while one draws.
		assert.Equal(t, p.src("#dae-output"), p.src("#draw-preview-output"))
		assert.Equal(t, "reads "+res.DAEReading.String(), strings.ReplaceAll(p.text("#draw-preview-reading"), "\u00a0", " "))
		// Said once the pen lifts, not at every move (the results' line is
		// quiet while one draws).
		assert.Equal(t, "Your digit, denoised, reads "+res.DAEReading.String()+".", p.text("#draw-status"))
		var live string
		p.run(chromedp.Evaluate(`document.getElementById("reading").getAttribute("aria-live")`, &live))
		assert.Equal(t, "off", live)
		var inSight bool
		p.run(chromedp.Evaluate(`document.getElementById("draw-preview-output").getBoundingClientRect().bottom <= window.innerHeight`, &inSight))
		assert.True(t, inSight, "in the first screenful")
		// On a wide screen (the tests' is 1000 px) beside the canvas at a
		// size to watch: 8 screen pixels to a digit's pixel.
		var side float64
		p.run(chromedp.Evaluate(`document.getElementById("draw-preview-output").getBoundingClientRect().width`, &side))
		assert.Equal(t, 224.0, side, "the denoised preview's width")
		p.b.screenshot(t, "draw")

		// A reload shows the drawing again, on the draw tab (the address).
		p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#draw-preview-output", chromedp.ByQuery))
		p.run(chromedp.Evaluate(`document.getElementById("draw-canvas").toDataURL("image/png")`, &again))
		assert.Equal(t, dataURL, again, "the drawing is on the canvas after a reload")
		p.checkResult("the drawing after a reload", m, webapp.Strong, in, clean)

		// Away to the gallery and back: the canvas shows the drawing still
		// (it was wiped, and the next stroke replaced the digit).
		p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitNotPresent("#draw-canvas", chromedp.ByQuery),
			chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		p.run(chromedp.Evaluate(`document.getElementById("draw-canvas").toDataURL("image/png")`, &again))
		assert.Equal(t, dataURL, again, "the drawing is on the canvas again")

		// While the pen is held, what was drawn last shows once the page
		// has had its time: the last of two moves in one task waits for the
		// update of the first (a timer), and no lift comes to show it.
		var done bool
		p.run(chromedp.Evaluate(`(async () => {
			`+penJS+`
			const held = {buttons: 1}; // a pen pressed
			ev("pointerdown", 90, 200, held);
			for (let i = 1; i <= 4; i++) { await new Promise(r => setTimeout(r, 30)); ev("pointermove", 90 + 20*i, 200, held); }
			ev("pointermove", 190, 195, held); ev("pointermove", 215, 175, held);
			return true;
		})()`, &done, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		_, held := p.drawing()
		heldIn, _ := webapp.DefaultNoise().Apply(held)
		want, err := m.Run(webapp.Strong, heldIn, held)
		require.NoError(t, err)
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if got := pixels(t, p.src("#dae-output")); slices.EqualFunc(got, want.DAE, func(a, b float32) bool { return math.Abs(float64(a-b)) <= 1.0/255+1e-6 }) {
				break
			}
		}
		p.checkResult("the drawing with the pen held", m, webapp.Strong, heldIn, held)
		p.js(`document.getElementById("draw-canvas").dispatchEvent(new PointerEvent("pointerup", {bubbles: true, pointerId: 1, isPrimary: true}))`)

		// Another tab taken under a held pen, in the task of its last moves
		// (an update waiting for its turn): what was drawn last is on the
		// canvas when it comes back (it was lost).
		var drawnBefore string
		p.run(chromedp.Evaluate(`(() => {
			`+penJS+`
			const held = {buttons: 1}; // a pen pressed
			ev("pointerdown", 60, 60, held);
			for (let i = 1; i <= 8; i++) ev("pointermove", 60 + 20*i, 60 + 5*i, held);
			const url = c.toDataURL("image/png");
			document.getElementById("tab-gallery").click();
			return url;
		})()`, &drawnBefore))
		// The tab taken stays (keeping the moves must not take the page
		// back to the drawing): two frames after it came, it is shown.
		var gallery bool
		p.run(chromedp.WaitNotPresent("#draw-canvas", chromedp.ByQuery),
			chromedp.Evaluate(`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(!document.getElementById("draw-canvas") && document.getElementById("tab-gallery").getAttribute("aria-selected") === "true"))))`, &gallery,
				func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		assert.True(t, gallery, "the gallery's tab shown, not the drawing's again")
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		p.run(chromedp.Evaluate(`document.getElementById("draw-canvas").toDataURL("image/png")`, &again))
		assert.Equal(t, drawnBefore, again, "the stroke's last moves, kept across the tabs")
		// So when the stroke's last update had run before the tab was
		// taken (nothing waiting): kept for a reload too (the reload showed
		// the drawing from before the stroke).
		var cut string
		p.run(chromedp.Evaluate(`(async () => {
			`+penJS+`
			const held = {buttons: 1}; // a pen pressed
			ev("pointerdown", 220, 60, held);
			for (let i = 1; i <= 8; i++) ev("pointermove", 220 - 10*i, 60 + 20*i, held);
			await new Promise(r => setTimeout(r, 400));
			const url = c.toDataURL("image/png");
			document.getElementById("tab-gallery").click();
			return url;
		})()`, &cut, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		p.run(chromedp.WaitNotPresent("#draw-canvas", chromedp.ByQuery), chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		shownNow, keptNow := p.canvas()
		assert.Equal(t, cut, shownNow, "the stroke cut short by the tab, on the canvas")
		assert.Equal(t, cut, keptNow, "and kept for a reload")

		// A dash drawn anew is not a digit yet: said plainly beside the
		// canvas, and nothing of the drawing before it shown.
		p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitNotPresent("#dae-output", chromedp.ByQuery))
		assert.Equal(t, "Drawing cleared: Undo brings it back.", p.text("#draw-status"), "said to a screen reader, not the last reading")
		p.stroke(30, 140, 230, 140)
		p.run(chromedp.Poll(`document.getElementById("draw-preview").textContent === "A line is not a digit yet: draw on."`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		var shown, alerts int
		p.run(chromedp.Evaluate(`document.querySelectorAll("#dae-output, #draw-preview-output").length`, &shown),
			chromedp.Evaluate(`document.querySelectorAll("[role=alert]").length`, &alerts))
		assert.Zero(t, shown, "no reading of the drawing's earlier state")
		assert.Zero(t, alerts, "not an error")

		// Cleared, nothing is kept for a reload.
		p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.Reload(), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		p.run(chromedp.WaitVisible(`body[data-kept-drawing="none"]`, chromedp.ByQuery)) // said once the page has looked
		assert.Equal(t, "Your digit, with its noise and denoised, shows here as you draw.", p.text("#draw-preview"))
	})

	t.Run("a browser that keeps no site data", func(t *testing.T) {
		// Where the browser refuses the page site data, reading
		// sessionStorage throws: drawing and Clear work as anywhere, the
		// pad says that a reload will not bring the drawing back, and
		// nothing is thrown (it was, at every stroke, and Clear left the
		// result shown).
		p := &page{t: t, b: b}
		var blocked cdppage.ScriptIdentifier
		p.run(chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			blocked, err = cdppage.AddScriptToEvaluateOnNewDocument(`Object.defineProperty(window, "sessionStorage", {get() { throw new DOMException("Access is denied for this document.", "SecurityError") }})`).Do(ctx)
			return err
		}))
		t.Cleanup(func() { p.run(cdppage.RemoveScriptToEvaluateOnNewDocument(blocked)) })
		errorsBefore := len(p.b.consoleErrors())
		p = open(t)
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		p.stroke(100, 60, 160, 220)
		p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery), chromedp.WaitVisible("#draw-not-kept", chromedp.ByQuery))
		assert.Equal(t, "This browser keeps nothing for the page (its site data blocked, or full): a reload will not bring the drawing back.", p.text("#draw-not-kept"))
		p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitNotPresent("#dae-output", chromedp.ByQuery))
		assert.Equal(t, "Drawing cleared: Undo brings it back.", p.text("#draw-status"))
		p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-drawing="none"]`, chromedp.ByQuery))
		assert.Equal(t, errorsBefore, len(p.b.consoleErrors()), "errors in the console: %v", p.b.consoleErrors()[errorsBefore:])
	})

	t.Run("undo a stroke", func(t *testing.T) {
		// The draw pad takes back its last strokes and clearings, by its
		// button and by Ctrl+Z, ten at most: the canvas, the result and the
		// drawing kept for a reload as they were.
		p := open(t)
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		blank, _ := p.canvas()
		disabled := func() bool {
			var d bool
			p.run(chromedp.Evaluate(`document.getElementById("undo").disabled`, &d))
			return d
		}
		assert.True(t, disabled(), "nothing to take back yet")
		p.stroke(100, 60, 160, 220)
		oneOut := p.changed("#dae-output", "")
		one, _ := p.canvas()
		p.stroke(90, 140, 200, 140)
		twoOut := p.changed("#dae-output", oneOut)
		p.run(chromedp.Click("#undo", chromedp.ByQuery))
		p.changed("#dae-output", twoOut)
		now, kept := p.canvas()
		assert.Equal(t, one, now, "the canvas as before the second stroke")
		assert.Equal(t, one, kept, "and so the drawing kept for a reload")
		assert.Equal(t, oneOut, p.src("#dae-output"), "the result as before it")
		assert.True(t, strings.HasPrefix(p.text("#draw-status"), "Undone. Your digit, denoised, reads "), p.text("#draw-status"))

		// A clearing is taken back too, with Ctrl+Z.
		p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		now, _ = p.canvas()
		assert.Equal(t, one, now, "the drawing back after Ctrl+Z")
		assert.Equal(t, oneOut, p.src("#dae-output"))
		// Back to before the first stroke: a blank canvas, no result.
		p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		now, kept = p.canvas()
		assert.Equal(t, blank, now, "a blank canvas")
		assert.Empty(t, kept, "nothing kept for a reload")
		assert.Equal(t, "Undone: the canvas is blank.", p.text("#draw-status"))
		assert.True(t, disabled(), "nothing left to take back")

		// A second finger on the canvas draws nothing: one stroke at a time,
		// taken back at once (its points were joined to the first's, and
		// the stroke was taken back in two halves).
		p.stroke(60, 60, 200, 220)
		alone, _ := p.canvas()
		p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		p.js(`(() => {
			` + penJS + `
			const finger = id => ({pointerId: id, isPrimary: id === 1, pointerType: "touch"});
			ev("pointerdown", 60, 60, finger(1));
			for (let i = 1; i <= 10; i++) ev("pointermove", 60 + 7*i, 60 + 8*i, finger(1));
			ev("pointerdown", 250, 40, finger(2));
			for (let i = 1; i <= 10; i++) { ev("pointermove", 250 - 5*i, 40 + 20*i, finger(2)); ev("pointermove", 130 + 7*i, 140 + 8*i, finger(1)); }
			ev("pointerup", 200, 240, finger(2));
			ev("pointerup", 200, 220, finger(1));
		})()`)
		p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		now, _ = p.canvas()
		assert.Equal(t, alone, now, "the first finger's stroke alone")
		p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		now, _ = p.canvas()
		assert.Equal(t, blank, now, "one undo takes the whole gesture back")
		// A finger that is not its type's primary pointer (a thumb rests
		// elsewhere on the screen) draws when no stroke is under way.
		p.js(`(() => {
			` + penJS + `
			const thumb = {pointerId: 5, isPrimary: false, pointerType: "touch"};
			ev("pointerdown", 60, 60, thumb);
			for (let i = 1; i <= 20; i++) ev("pointermove", 60 + 7*i, 60 + 8*i, thumb);
			ev("pointerup", 200, 220, thumb);
		})()`)
		p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		now, _ = p.canvas()
		assert.Equal(t, alone, now, "drawn by a finger that is not the primary pointer")
		p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))

		// Ctrl+Z with Caps Lock on (the key says Z) and in a Cyrillic
		// layout (the key says я where a Latin Z is) takes back too; and
		// the focus on Undo, disabled by the last undo, goes to Clear.
		p.stroke(100, 60, 160, 220)
		p.stroke(90, 140, 200, 140)
		p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		for _, key := range []string{"Z", "я"} {
			before := p.src("#dae-output")
			p.js(`document.dispatchEvent(new KeyboardEvent("keydown", {key: "` + key + `", code: "KeyZ", ctrlKey: true, bubbles: true}))`)
			if key == "Z" {
				p.changed("#dae-output", before)
			} else {
				p.run(chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
			}
		}
		now, _ = p.canvas()
		assert.Equal(t, blank, now, "two strokes taken back by the keys")
		p.stroke(100, 60, 160, 220)
		p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery), chromedp.Focus("#undo", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		var focused string
		p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
		assert.Equal(t, "clear", focused, "the focus where it can go on")

		// Clear while a stroke's ink waits for its update keeps that ink for
		// Undo too (it kept the drawing as last updated); and an event with
		// a pointer's id but not its place (a page's script could send it)
		// draws nothing and does not stop the app (it did: a panic).
		p.stroke(100, 60, 160, 220)
		p.stroke(90, 140, 200, 140)
		both, _ := p.canvas()
		for range 2 {
			before := p.src("#dae-output")
			p.run(chromedp.Click("#undo", chromedp.ByQuery))
			if now, _ := p.canvas(); now != blank {
				p.changed("#dae-output", before)
			}
		}
		p.run(chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
		p.js(`(() => {
			` + penJS + `
			const forged = new Event("pointerdown"); Object.defineProperty(forged, "pointerId", {value: 1}); c.dispatchEvent(forged);
			ev("pointerdown", 100, 60);
			for (let i = 1; i <= 20; i++) ev("pointermove", 100 + 3*i, 60 + 8*i);
			ev("pointerup", 160, 220);
			ev("pointerdown", 90, 140);
			for (let i = 1; i <= 20; i++) ev("pointermove", 90 + 5.5*i, 140);
			document.getElementById("clear").click();
			ev("pointerup", 200, 140);
		})()`)
		p.run(chromedp.WaitVisible("#results-empty", chromedp.ByQuery), chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		now, _ = p.canvas()
		assert.Equal(t, both, now, "both strokes back after Clear in the middle of the second")
		p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))

		// Of twelve strokes, the last ten are taken back.
		var second string
		for i := range 12 {
			p.stroke(float64(20+i*20), 30, float64(30+i*20), 250)
			if i == 1 {
				second, _ = p.canvas()
			}
		}
		for i := range 10 {
			before, _ := p.canvas()
			require.False(t, disabled(), "undo %d", i+1)
			p.run(chromedp.Click("#undo", chromedp.ByQuery))
			require.Eventually(t, func() bool { now, _ := p.canvas(); return now != before }, 5*time.Second, 20*time.Millisecond, "undo %d", i+1)
		}
		now, _ = p.canvas()
		assert.Equal(t, second, now, "the canvas as after the second of twelve strokes")
		assert.Eventually(t, disabled, 5*time.Second, 20*time.Millisecond, "ten taken back, and no more")
	})

	t.Run("the first view comes before the strong model", func(t *testing.T) {
		// The gallery shows the seed's model without waiting for the
		// strong model: its weights are fetched after the first view.
		p := &page{t: t, b: b}
		var times []float64 // when each fetch of the strong model's weights started, less when Go's main started
		p.run(chromedp.Navigate(url), chromedp.WaitVisible("#dae-output", chromedp.ByQuery),
			chromedp.Evaluate(`performance.getEntriesByType("resource").filter(e => e.name.endsWith("strong.safetensors")).map(e => e.startTime - performance.getEntriesByName("go-main")[0].startTime)`, &times))
		for _, dt := range times {
			assert.Positive(t, dt, "the strong model's weights are fetched after the app runs (%.0f ms)", dt)
		}
		// Once it is loaded the picker's status line goes (on the next
		// frame: the page rerenders then).
		p.run(chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery),
			chromedp.WaitNotPresent("#strong-status", chromedp.ByQuery), chromedp.WaitVisible("#plot", chromedp.ByQuery))
		// Nothing on the page moved while the rest of it came (the strong
		// model, the plot). The status line going once moved the results
		// and the plot.
		assert.Empty(t, p.layoutShifts(), "layout shifts since navigation")
	})

	t.Run("the plot", func(t *testing.T) {
		// Under the result, PSNR and the reader's confidence against the
		// noise amount, as computed natively; drawn again for another noise
		// kind one amount at a time, each in a task of its own, so that the
		// page's thread is held no longer than by an ordinary change (the
		// amount slider, which only moves the plot's mark).
		p := open(t)
		assert.Contains(t, p.text("#plot-about"), "The median 3×3, a classical filter", "the plot says what it shows")
		sample := samples[0]
		alt := func() string {
			var v string
			var ok bool
			p.run(chromedp.WaitVisible("#plot", chromedp.ByQuery), chromedp.AttributeValue("#plot", "alt", &v, &ok, chromedp.ByQuery))
			return v
		}
		want, err := m.Curves(sample.Pixels, webapp.DefaultNoise(), sample.Label, nil)
		require.NoError(t, err)
		sameNumbers(t, "the plot's alt text", want.Summary(0.5), alt())
		// On a wide screen (the tests' 1000 px) a quarter larger than drawn.
		var width float64
		p.run(chromedp.Evaluate(`document.getElementById("plot").getBoundingClientRect().width`, &width))
		assert.Equal(t, 1.25*float64(webapp.WidePlot.Width), width, "the plot's width")
		// Its numbers, folded under it, are the engine's.
		var cells [][]string
		p.run(chromedp.Click("#plot-numbers > summary", chromedp.ByQuery), chromedp.WaitVisible("#plot-table", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll("#plot-table tr")].map(r => [...r.cells].map(c => c.textContent))`, &cells))
		table := want.Table()
		lines := func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(r, " | ") + "\n")
			}
			return b.String()
		}
		sameNumbers(t, "the plot's table", lines(append([][]string{table.Head}, table.Rows...)), lines(cells))
		assert.Equal(t, table.Caption, p.text("#plot-table-about"))

		p.watchLongTasks()
		var ordinary time.Duration
		for _, amount := range []string{"80", "50"} {
			before := p.src("#dae-output")
			p.js(`(() => { const s = document.getElementById("noise-amount"); s.value = "` + amount + `"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
			p.changed("#dae-output", before)
			ordinary = max(ordinary, longest(p.longTasks()))
		}
		sameNumbers(t, "moving the amount moves the mark only", want.Summary(0.5), alt())

		p.js(`performance.clearMarks("plot-step")`)
		// While it is computed, the panel says it is busy, and only then.
		p.js(`(() => { window.plotBusy = []; const note = () => { const panel = document.getElementById("plot-panel"); plotBusy.push([!!document.getElementById("plot-status"), panel.getAttribute("aria-busy")]) }; new MutationObserver(note).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-busy", "alt"]}) })()`)
		p.run(chromedp.SetValue("#noise-kind", webapp.SaltPepper, chromedp.ByQuery),
			chromedp.Evaluate(`document.getElementById("noise-kind").dispatchEvent(new Event("change", {bubbles: true}))`, nil))
		n := webapp.DefaultNoise()
		n.Kind = webapp.SaltPepper
		want, err = m.Curves(sample.Pixels, n, sample.Label, nil)
		require.NoError(t, err)
		deadline := time.Now().Add(10 * time.Second)
		for numbersMatch(want.Summary(0.5), alt()) != nil && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		sameNumbers(t, "the plot of salt and pepper noise", want.Summary(0.5), alt())
		var busy [][]any
		p.run(chromedp.Evaluate(`plotBusy`, &busy))
		require.Contains(t, busy, []any{true, "true"}, "the panel busy while the plot is computed")
		assert.Equal(t, []any{false, nil}, busy[len(busy)-1], "the panel no longer busy once the plot came")
		for _, b := range busy {
			assert.Equal(t, b[0], b[1] == "true", "busy exactly while the plot is computed: %v", busy)
		}
		tasks := p.longTasks()
		var steps []float64
		p.run(chromedp.Evaluate(`performance.getEntriesByName("plot-step").map(e => e.startTime)`, &steps))
		assert.Len(t, steps, webapp.CurveSteps, "one step for each noise amount")
		for _, task := range tasks {
			in := 0
			for _, s := range steps {
				if s >= task.start && s <= task.start+float64(task.duration)/float64(time.Millisecond) {
					in++
				}
			}
			assert.LessOrEqual(t, in, 1, "a task of %v computed %d of the plot's amounts", task.duration, in)
		}
		t.Logf("longest task: %v while the plot was drawn, %v when the amount moved", longest(tasks), ordinary)
		assert.LessOrEqual(t, longest(tasks), 2*ordinary, "the plot holds the page no longer than an ordinary change")
		p.b.screenshot(t, "plot")
	})

	t.Run("light and dark", func(t *testing.T) {
		// In the browser's light and dark schemes, every word shown is
		// readable against what is behind it (WCAG 1.4.3), in the page's
		// usual states: the first view, the plot's numbers, a refusal, a
		// picture with no digit, an upload, the drawing; and the plot's
		// picture is drawn on the page's card.
		seven, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
		require.NoError(t, err)
		notImage := filepath.Join(t.TempDir(), "notes.png")
		require.NoError(t, os.WriteFile(notImage, []byte("these are not pixels"), 0o644))
		blank := filepath.Join(t.TempDir(), "grey.png")
		g := image.NewGray(image.Rect(0, 0, 120, 90))
		for i := range g.Pix {
			g.Pix[i] = 128
		}
		var grey bytes.Buffer
		require.NoError(t, png.Encode(&grey, g))
		require.NoError(t, os.WriteFile(blank, grey.Bytes(), 0o644))
		for _, scheme := range []string{"light", "dark"} {
			p := &page{t: t, b: b}
			p.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
			t.Cleanup(func() { p.run(emulation.SetEmulatedMedia()) })
			p = open(t)
			var dark bool
			p.run(chromedp.Evaluate(`matchMedia("(prefers-color-scheme: dark)").matches`, &dark))
			require.Equal(t, scheme == "dark", dark, "the page sees the %s scheme", scheme)
			var card string
			p.run(chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor + " " + getComputedStyle(document.querySelector(".panel")).backgroundColor`, &card))
			t.Logf("%s: the paper and a card: %s", scheme, card)
			check := func(state string) {
				t.Helper()
				assert.Empty(t, p.lowContrast(), "%s scheme, %s: words under the contrast bar", scheme, state)
			}
			check("the first view")

			// The plot's picture on the card: its corner drawn in the
			// card's colour, and its numbers.
			var corner, cardColour []int
			p.run(chromedp.WaitVisible("#plot", chromedp.ByQuery), chromedp.Poll(`document.getElementById("plot").complete`, nil))
			p.run(chromedp.Evaluate(`(() => { const i = document.getElementById("plot"); const c = document.createElement("canvas"); c.width = i.naturalWidth; c.height = i.naturalHeight; const x = c.getContext("2d"); x.drawImage(i, 0, 0); return [...x.getImageData(2, 2, 1, 1).data].slice(0, 3) })()`, &corner),
				chromedp.Evaluate(`getComputedStyle(document.querySelector(".plot-panel")).backgroundColor.match(/\d+/g).map(Number)`, &cardColour))
			assert.Equal(t, cardColour, corner, "%s: the plot drawn on the card's colour", scheme)
			p.run(chromedp.Click("#plot-numbers > summary", chromedp.ByQuery), chromedp.WaitVisible("#plot-table", chromedp.ByQuery))
			check("the plot's numbers open")
			p.b.screenshot(t, "scheme-"+scheme)

			p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery),
				chromedp.SetUploadFiles("#upload", []string{notImage}, chromedp.ByQuery),
				chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("notes.png")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
			check("a file refused")
			p.run(chromedp.SetUploadFiles("#upload", []string{blank}, chromedp.ByQuery), chromedp.WaitVisible("#note", chromedp.ByQuery))
			check("a picture with no digit")
			before := p.src("#dae-output")
			p.run(chromedp.SetUploadFiles("#upload", []string{seven}, chromedp.ByQuery))
			p.changed("#dae-output", before)
			check("an upload")
			p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
			check("the drawing")
		}

		// Forced colours (Windows' high contrast) replace the page's own:
		// the chosen tab and sample are still told from the others.
		p := &page{t: t, b: b}
		p.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}))
		p.js(`document.getElementById("tab-gallery").click()`) // not the mouse, whose hover marks a tab too
		p.run(chromedp.WaitVisible("#sample-1", chromedp.ByQuery))
		var looks []string
		p.run(chromedp.Evaluate(`["#tab-gallery", "#tab-upload", "#sample-0", "#sample-1"].map(q => { const s = getComputedStyle(document.querySelector(q)); return [s.backgroundColor, s.borderTopColor, s.boxShadow].join(" ") })`, &looks))
		assert.NotEqual(t, looks[1], looks[0], "forced colours: the chosen tab told from another")
		assert.NotEqual(t, looks[3], looks[2], "forced colours: the chosen sample told from another")
		var edgeless []string
		p.run(chromedp.Evaluate(`[...document.querySelectorAll(".panel")].filter(e => getComputedStyle(e).borderTopStyle === "none").map(e => e.id || e.className)`, &edgeless))
		assert.Empty(t, edgeless, "forced colours: cards without an edge (their shadows are dropped)")
		p.b.screenshot(t, "forced-colours")
	})

	t.Run("walk the code space", func(t *testing.T) {
		// Two gallery digits' codes (the seed's model) and the point half way
		// between them, and one unit of the current digit's code nudged: the
		// page shows the decoder's images and readings as computed natively.
		p := open(t)
		noisy0, _ := webapp.DefaultNoise().Apply(samples[0].Pixels)
		p.run(chromedp.Click("#walk-set-A", chromedp.ByQuery), chromedp.WaitVisible("#walk-A", chromedp.ByQuery),
			chromedp.WaitVisible("#plot", chromedp.ByQuery))
		// While the plot above is computed again for the new digit, the
		// button a person presses next stays where it is (it once moved
		// by the plot's height when the plot came, and a click missed it).
		p.js(`(() => { window.walkTops = new Set(); const f = () => { const b = document.getElementById("walk-set-B"); walkTops.add(b ? Math.round(b.getBoundingClientRect().top + scrollY) : null); if (!window.walkTopsDone) requestAnimationFrame(f) }; f() })()`)
		before := p.src("#dae-output")
		p.run(chromedp.Click("#sample-20", chromedp.ByQuery))
		p.changed("#dae-output", before)
		p.run(chromedp.WaitNotPresent("#plot-status", chromedp.ByQuery), chromedp.WaitVisible("#plot", chromedp.ByQuery))
		var tops []float64
		p.run(chromedp.Evaluate(`window.walkTopsDone = true; [...walkTops]`, &tops))
		assert.Len(t, tops, 1, "the walk's B button at one place on the page while the plot was computed (tops %v)", tops)
		noisy20, _ := webapp.DefaultNoise().Apply(samples[20].Pixels)
		// Nor does the button move when pressed, as the image between A and
		// B comes (it moved 62 px down and 52 px left).
		var at, atAfter []float64
		place := `(() => { const r = document.getElementById("walk-set-B").getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY]; })()`
		p.run(chromedp.Evaluate(place, &at))
		p.run(chromedp.Click("#walk-set-B", chromedp.ByQuery), chromedp.WaitVisible("#walk-image", chromedp.ByQuery))
		p.run(chromedp.Evaluate(place, &atAfter))
		assert.Equal(t, at, atAfter, "the B button where it was pressed")
		p.js(`(() => { const s = document.getElementById("walk-t"); s.value = "50"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(p.text("#walk-image + figcaption"), "50 %") && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}

		s := webapp.NewStore(nil)
		s.Loaded(m.Bundle, nil)
		s.SetNoise(webapp.DefaultNoise())
		s.SetWalkEnd("A")
		s.ShowSample(20)
		s.SetWalkEnd("B")
		s.SetWalkT(0.5)
		want := s.State()
		require.Equal(t, noisy0, want.Walk.A.Input)
		require.Equal(t, noisy20, want.Walk.B.Input)
		sameImage(t, "end A, as the model decodes its code", want.Walk.A.Output, p.src("#walk-A"))
		sameImage(t, "end B", want.Walk.B.Output, p.src("#walk-B"))
		sameImage(t, "half way from A to B", want.Walk.Between, p.src("#walk-image"))
		sameReading(t, "half way", want.Walk.BetweenReading, p.text("#walk-image-reading"))
		// The ends say what they read, and the sliders, read out as they
		// move, say what the decoder's picture reads.
		sameReading(t, "end A", want.Walk.A.Reading, p.text("#walk-A-reading"))
		sameReading(t, "end B", want.Walk.B.Reading, p.text("#walk-B-reading"))
		var valueText string
		var ok bool
		p.run(chromedp.AttributeValue("#walk-t", "aria-valuetext", &valueText, &ok, chromedp.ByQuery))
		assert.True(t, strings.HasPrefix(valueText, "50 % of the way from A to B; the decoder's picture reads "), valueText)
		assert.Equal(t, "From A to B, codes of the seed's model", p.text("#walk-t-label"), "whose codes, as the models can be switched under the walk")
		sameReading(t, "the walk's slider", want.Walk.BetweenReading, "reads "+strings.TrimPrefix(valueText, "50 % of the way from A to B; the decoder's picture reads "))

		// Before a nudge: the code as it is, decoded, beside it, and the
		// title says there is no nudge yet.
		sameImage(t, "the code as it is", want.Result.DAE, p.src("#nudge-before"))
		assert.True(t, strings.HasPrefix(p.text("#nudge-image + figcaption"), "Not nudged yet: move the slider"), p.text("#nudge-image + figcaption"))
		p.js(`(() => { const u = document.getElementById("nudge-unit"); u.value = "17"; u.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		before = p.src("#nudge-image")
		p.js(`(() => { const s = document.getElementById("nudge-amount"); s.value = "80"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		p.changed("#nudge-image", before)
		s.SetNudge(17, 0.8)
		sameImage(t, "unit 17 nudged", s.State().Walk.Nudged, p.src("#nudge-image"))
		sameReading(t, "unit 17 nudged", s.State().Walk.NudgedReading, p.text("#nudge-image-reading"))
		// In numbers too: the unit's value, nudged, and the code's largest,
		// each within a hundredth of the native one's (the last digit
		// printed may round either way where multiply-adds are fused).
		decimal := regexp.MustCompile(`-?\d+\.\d+`)
		says, shown := s.State().Walk.Values(), p.text("#nudge-values")
		assert.Equal(t, decimal.ReplaceAllString(says, "#"), decimal.ReplaceAllString(shown, "#"), "the nudge's numbers' words")
		if ws, gs := decimal.FindAllString(says, -1), decimal.FindAllString(shown, -1); assert.Len(t, gs, len(ws)) {
			for i := range ws {
				w, _ := strconv.ParseFloat(ws[i], 64)
				g, _ := strconv.ParseFloat(gs[i], 64)
				assert.InDelta(t, w, g, 0.0101, "the nudge's number %d: %q against %q", i+1, shown, says)
			}
		}
		p.run(chromedp.AttributeValue("#nudge-amount", "aria-valuetext", &valueText, &ok, chromedp.ByQuery))
		assert.True(t, strings.HasPrefix(valueText, "+80 % of the code's largest value; the decoder's picture reads "), valueText)
		sameReading(t, "the nudge's slider", s.State().Walk.NudgedReading, "reads "+strings.TrimPrefix(valueText, "+80 % of the code's largest value; the decoder's picture reads "))
		if note := p.text("#nudge-note"); s.State().Walk.NudgeShows(s.State().Result) {
			assert.Empty(t, note, "a nudge that shows has no note")
		} else {
			assert.True(t, strings.HasPrefix(note, "This nudge changes no pixel"), "the note says the nudge does not show: %q", note)
		}
		// A unit out of range is brought to the last there is, in the
		// field too.
		require.Contains(t, p.text(`label[for="nudge-unit"]`), "(0–127) of the seed's model: ")
		p.js(`(() => { const u = document.getElementById("nudge-unit"); u.value = "777"; u.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		var unit string
		p.run(chromedp.Value("#nudge-unit", &unit, chromedp.ByQuery))
		assert.Equal(t, "127", unit)
		assert.Eventually(t, func() bool {
			return strings.HasPrefix(p.text(`label[for="nudge-unit"]`), "Code unit (0–127) of the seed's model: "+webapp.UnitName(127, want.Result.LatentShape))
		},
			5*time.Second, 50*time.Millisecond, "%s", p.text(`label[for="nudge-unit"]`))
		// Numbers that are not whole units are brought to the nearest;
		// a field left with no number shows the unit again.
		for _, c := range []struct {
			typed string
			unit  int
		}{{"12.7", 13}, {"1e2", 100}, {"1e3", 127}} {
			p.js(`(() => { const u = document.getElementById("nudge-unit"); u.value = ` + jsString(c.typed) + `; u.dispatchEvent(new Event("input", {bubbles: true})) })()`)
			p.run(chromedp.Value("#nudge-unit", &unit, chromedp.ByQuery))
			assert.Equal(t, strconv.Itoa(c.unit), unit, "%s typed", c.typed)
			assert.Eventually(t, func() bool {
				return strings.HasPrefix(p.text(`label[for="nudge-unit"]`), "Code unit (0–127) of the seed's model: "+webapp.UnitName(c.unit, want.Result.LatentShape))
			}, 5*time.Second, 50*time.Millisecond, "%s typed: %s", c.typed, p.text(`label[for="nudge-unit"]`))
		}
		p.js(`(() => { const u = document.getElementById("nudge-unit"); u.value = ""; u.dispatchEvent(new Event("input", {bubbles: true})); u.dispatchEvent(new Event("change", {bubbles: true})) })()`)
		p.run(chromedp.Value("#nudge-unit", &unit, chromedp.ByQuery))
		assert.Equal(t, "127", unit, "the field emptied shows the unit again")

		// The unit nudged is framed on the heat maps, and a click on one of
		// their numbers nudges that one, by the nudge chosen or, with none,
		// by the code's largest value; the nudge comes into view.
		framed := func(u int) {
			t.Helper()
			var r []float64
			assert.Eventually(t, func() bool {
				p.run(chromedp.Evaluate(`(() => { const u = document.getElementById("latent-unit"); if (!u) return [];
					const m = document.getElementById("latent").getBoundingClientRect(), f = u.getBoundingClientRect();
					return [(f.left - m.left) / m.width, (f.top - m.top) / m.height, f.width / m.width, f.height / m.height]; })()`, &r))
				left, top, w, h := webapp.LatentUnitBox(want.Result.LatentShape, u)
				return len(r) == 4 && math.Abs(r[0]-left) < 0.01 && math.Abs(r[1]-top) < 0.01 && math.Abs(r[2]-w) < 0.01 && math.Abs(r[3]-h) < 0.01
			}, 5*time.Second, 50*time.Millisecond, "unit %d framed: %v", u, r)
		}
		framed(127)
		p.js(`(() => { const s = document.getElementById("nudge-amount"); s.value = "0"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		p.run(chromedp.WaitNotPresent("#latent-unit", chromedp.ByQuery)) // nothing nudged, nothing framed
		p.js(`(() => { const s = document.getElementById("nudge-amount"); s.value = "80"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		framed(127)
		clickUnit := func(u int) {
			t.Helper()
			p.js(`document.getElementById("latent").scrollIntoView({block: "center"})`)
			left, top, w, h := webapp.LatentUnitBox(want.Result.LatentShape, u)
			mouse := p.mouseOn("#latent")
			p.run(mouse(input.MousePressed, left+w/2, top+h/2), mouse(input.MouseReleased, left+w/2, top+h/2))
			p.run(chromedp.Poll(`document.getElementById("nudge-unit").value === "`+strconv.Itoa(u)+`"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
			framed(u)
			// Scrolled to (at once, as the browser is asked for less
			// motion below), and the focus on the unit's field.
			p.run(chromedp.Poll(`(() => { const r = document.querySelector(".nudge").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`, nil, chromedp.WithPollingTimeout(5*time.Second)))
			var focused string
			p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
			assert.Equal(t, "nudge-unit", focused, "after a click on unit %d", u)
		}
		p.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}))
		t.Cleanup(func() { p.run(emulation.SetEmulatedMedia()) })
		clickUnit(42)
		var amount string
		p.run(chromedp.Value("#nudge-amount", &amount, chromedp.ByQuery))
		assert.Equal(t, "80", amount, "the nudge chosen is kept")
		p.js(`(() => { const s = document.getElementById("nudge-amount"); s.value = "0"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
		before = p.src("#nudge-image")
		clickUnit(2*16 + 1*4 + 2) // map 2, row 1, column 2
		p.changed("#nudge-image", before)
		p.run(chromedp.Value("#nudge-amount", &amount, chromedp.ByQuery))
		assert.Equal(t, "100", amount, "with no nudge chosen, the code's largest value")
		s.SetNudge(2*16+1*4+2, 1)
		sameImage(t, "the unit clicked, nudged", s.State().Walk.Nudged, p.src("#nudge-image"))
		p.b.screenshot(t, "walk")
	})

	t.Run("choose the denoiser", func(t *testing.T) {
		// The gallery shows the seed's model; a click shows the strong
		// model's output instead, and the drawing tab keeps its own choice.
		p := open(t)
		noisy, _ := webapp.DefaultNoise().Apply(samples[0].Pixels)
		before := p.src("#dae-output")
		p.run(chromedp.Click("#denoiser-strong", chromedp.ByQuery))
		p.changed("#dae-output", before)
		p.checkResult("the strong model on sample 0", m, webapp.Strong, noisy, samples[0].Pixels)
		before = p.src("#dae-output")
		p.run(chromedp.Click("#denoiser-seed", chromedp.ByQuery))
		p.changed("#dae-output", before)
		p.checkResult("the seed's model again", m, webapp.Seed, noisy, samples[0].Pixels)
		// Each button is described as what its denoiser is, the one not
		// chosen too (its line under the buttons shows only when chosen).
		for _, d := range []webapp.Denoiser{webapp.Seed, webapp.Strong} {
			var about string
			p.run(chromedp.Evaluate(`document.getElementById(document.getElementById("denoiser-`+string(d)+`").getAttribute("aria-describedby"))?.textContent ?? ""`, &about))
			assert.Equal(t, d.About(), about, "the %s button's description", d)
		}
		p.b.screenshot(t, "denoiser")
	})

	t.Run("the address says what is shown", func(t *testing.T) {
		// The address carries the tab, digit, noise and denoisers shown:
		// a reload shows the same, and so does an address edited by hand;
		// one the page cannot follow is said, and left for the person to
		// mend.
		p := open(t)
		hash := func() string {
			var h string
			p.run(chromedp.Evaluate(`location.hash`, &h))
			return h
		}
		assert.Equal(t, "", hash(), "a page nobody changed has no # in its address")
		before := p.src("#dae-output")
		p.run(chromedp.Click("#sample-7", chromedp.ByQuery))
		p.changed("#dae-output", before)
		p.js(`(() => {
			const k = document.getElementById("noise-kind"), s = document.getElementById("noise-amount");
			k.value = "occlusion"; k.dispatchEvent(new Event("change", {bubbles: true}));
			s.value = "40"; s.dispatchEvent(new Event("input", {bubbles: true}));
			document.getElementById("reroll").click();
		})()`)
		p.run(chromedp.Click("#denoiser-strong", chromedp.ByQuery))
		want := webapp.Link{Mode: webapp.ModeGallery, Sample: 7, Noise: webapp.Noise{Kind: webapp.Occlusion, Amount: 0.4, Seed: 2}, Denoisers: webapp.DefaultChoice()}
		want.Denoisers.Gallery = webapp.Strong
		p.run(chromedp.Poll(`location.hash == `+jsString("#"+want.Fragment()), nil, chromedp.WithPollingTimeout(5*time.Second)))

		p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
		p.run(chromedp.Poll(`document.querySelector("#dae-output + figcaption").textContent.includes(`+jsString(webapp.Strong.Title())+`)`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		in, err := want.Noise.Apply(samples[7].Pixels)
		require.NoError(t, err)
		p.checkResult("after a reload", m, webapp.Strong, in, samples[7].Pixels)
		var kind, amount string
		p.run(chromedp.Value("#noise-kind", &kind, chromedp.ByQuery), chromedp.Value("#noise-amount", &amount, chromedp.ByQuery))
		assert.Equal(t, []string{"occlusion", "40"}, []string{kind, amount}, "the controls show the address's noise")
		assert.Equal(t, "#"+want.Fragment(), hash())

		p.js(`location.hash = "tab=draw&sample=3"`)
		p.run(chromedp.WaitVisible(`#tab-draw[aria-selected="true"]`, chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
		p.js(`location.hash = "sample=99&tab=upload"`)
		p.run(chromedp.WaitVisible("#message", chromedp.ByQuery))
		assert.Equal(t, `The address (after its #) was not followed: sample="99" is not a digit of the gallery (1 to 30).`, p.text("#message"))
		assert.Equal(t, "#sample=99&tab=upload", hash(), "the address is left for the person to mend")
		var selected bool
		p.run(chromedp.Evaluate(`document.getElementById("tab-draw").getAttribute("aria-selected") == "true"`, &selected))
		assert.True(t, selected, "what was shown stays")
		// Once the page no longer says why, the address says what is
		// shown, even after a click that changed nothing.
		p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitNotPresent("#message", chromedp.ByQuery))
		assert.Equal(t, "#tab=draw&sample=3", hash())
	})

	t.Run("own weights", func(t *testing.T) {
		p := open(t)
		bad := filepath.Join(t.TempDir(), "broken.safetensors")
		require.NoError(t, os.WriteFile(bad, []byte("\x10\x00\x00\x00\x00\x00\x00\x00{not json at all}"), 0o644))
		// The message's paragraph is always there (empty until a refusal),
		// so wait for its text, not for it to show.
		p.run(chromedp.SetUploadFiles("#weights-file", []string{bad}, chromedp.ByQuery),
			chromedp.Poll(`document.getElementById("weights-message").textContent !== ""`, nil, chromedp.WithPollingTimeout(20*time.Second)))
		assert.Contains(t, p.text("#weights-message"), "broken.safetensors: these weights cannot be used")
		assert.Contains(t, p.text("#weights-in-use"), "bundled")
		var named int
		p.run(chromedp.Evaluate(`document.getElementById("weights-file").files.length`, &named))
		assert.Zero(t, named, "the picker names no file the page does not use")
		// The page's own weights, offered to try, are a file it takes.
		var size int
		p.run(chromedp.Evaluate(`fetch(document.querySelector("#weights-where a[download]").href).then(r => r.arrayBuffer()).then(b => b.byteLength)`, &size, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		bundledDAE, err := os.ReadFile(filepath.Join(root, "weights", "dae.safetensors"))
		require.NoError(t, err)
		assert.Equal(t, len(bundledDAE), size, "the link gives the bundled weights")
		// Said beside the control, in view where the file was given.
		var gap float64
		p.run(chromedp.Evaluate(`document.getElementById("weights-message").getBoundingClientRect().top - document.getElementById("weights-file").getBoundingClientRect().bottom`, &gap))
		assert.True(t, gap >= 0 && gap < 100, "the refusal %.0f px below the weights' control", gap)

		golden, err := filepath.Abs(filepath.Join(root, "nn", "testdata", "golden.safetensors"))
		require.NoError(t, err)
		before := p.src("#dae-output")
		p.run(chromedp.SetUploadFiles("#weights-file", []string{golden}, chromedp.ByQuery))
		p.changed("#dae-output", before)
		assert.Equal(t, "golden.safetensors", p.text("#weights-in-use"))
		assert.Contains(t, p.text("#denoiser-about"), "Your weights (golden.safetensors)", "the picker's line says whose weights denoise")
		var described string
		p.run(chromedp.Evaluate(`document.getElementById("denoiser-seed-about").textContent`, &described))
		assert.Equal(t, p.text("#denoiser-about"), described, "and so does the button's description")
		assert.Contains(t, p.text("#dae-output + figcaption"), "Denoised by your weights (golden.safetensors)")
		assert.Empty(t, p.text("#weights-message"), "the refusal goes once a file is taken")
		var live string
		p.run(chromedp.Evaluate(`document.getElementById("weights-in-use").closest("[aria-live]")?.getAttribute("aria-live") ?? ""`, &live))
		assert.Equal(t, "polite", live, "a file taken is read out, as a refused one is")

		// And back to the weights the page came with.
		before = p.src("#dae-output")
		p.run(chromedp.Click("#weights-bundled", chromedp.ByQuery))
		p.changed("#dae-output", before)
		assert.Equal(t, webapp.BundledWeights, p.text("#weights-in-use"))
		var focused string
		p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
		assert.Equal(t, "weights-file", focused, "the button gone, the focus is on the picker, not lost")
		var files int
		p.run(chromedp.Evaluate(`document.getElementById("weights-file").files.length`, &files))
		assert.Zero(t, files, "the picker names no file beside the bundled weights")
		assert.True(t, strings.HasPrefix(p.text("#dae-output + figcaption"), "Denoised by the seed's model"), p.text("#dae-output + figcaption"))
	})

	assert.Empty(t, b.consoleErrors(), "no console errors")
}

// The page works from the keyboard and fits a phone's screen.
func TestKeyboardAndPhone(t *testing.T) {
	url := startServer(t)
	p := &page{t: t, b: newBrowser(t)}
	p.run(chromedp.EmulateViewport(390, 844), chromedp.Navigate(url), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	// The result is on the first screen: the denoised digit, most of it at
	// least, beside the noisy input it came from.
	var first []float64
	p.run(chromedp.Evaluate(`["model-input", "dae-output"].flatMap(id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, r.height]; })`, &first))
	require.Len(t, first, 4)
	assert.Equal(t, first[0], first[2], "the noisy input and its denoising side by side")
	assert.LessOrEqual(t, first[2]+0.75*first[3], 844.0, "three quarters of the denoised digit on the first screen")
	// The samples are one row there, which says it scrolls (its fade
	// alone hinted at more digits).
	var more []string
	p.run(chromedp.Evaluate(`(e => [getComputedStyle(e).display, e.textContent])(document.querySelector("#gallery-title .gallery-more"))`, &more))
	assert.Equal(t, []string{"inline", " — 30, in a row that scrolls sideways"}, more)
	before := p.src("#dae-output")
	p.run(chromedp.Focus("#sample-4", chromedp.ByQuery), chromedp.KeyEvent("\r"))
	p.changed("#dae-output", before)
	var pressed string
	var ok bool
	p.run(chromedp.AttributeValue("#sample-4", "aria-pressed", &pressed, &ok, chromedp.ByQuery))
	assert.Equal(t, "true", pressed, "Enter on a focused sample picks it")

	// The gallery is one Tab stop: the arrow keys, Home and End pick a
	// digit and move the focus to it.
	for _, step := range []struct {
		key  string
		want int
	}{{kb.ArrowRight, 5}, {kb.ArrowDown, 6}, {kb.ArrowLeft, 5}, {kb.End, 29}, {kb.Home, 0}, {kb.ArrowUp, 0}} {
		var focused string
		var inTabOrder []string
		sel := fmt.Sprintf("#sample-%d", step.want)
		p.run(chromedp.KeyEvent(step.key), chromedp.WaitVisible(sel+`[aria-pressed="true"]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.activeElement.id`, &focused),
			chromedp.Evaluate(`[...document.querySelectorAll(".sample")].filter(e => e.getAttribute("tabindex") !== "-1").map(e => e.id)`, &inTabOrder))
		assert.Equal(t, sel[1:], focused, "the focus follows the digit picked")
		assert.Equal(t, []string{sel[1:]}, inTabOrder, "only the digit shown is in the Tab order")
	}

	// The tabs, as the ARIA tabs pattern has them: the arrow keys, Home and
	// End choose a tab and move the focus to it; only the chosen one is in
	// the Tab order.
	p.run(chromedp.Focus("#tab-gallery", chromedp.ByQuery))
	for _, step := range []struct{ key, want string }{
		{kb.ArrowRight, "upload"}, {kb.ArrowRight, "draw"}, {kb.ArrowRight, "gallery"},
		{kb.ArrowLeft, "draw"}, {kb.Home, "gallery"}, {kb.End, "draw"}, {kb.Home, "gallery"},
	} {
		var focused string
		var tabindex []string
		p.run(chromedp.KeyEvent(step.key), chromedp.WaitVisible(`#tab-`+step.want+`[aria-selected="true"]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.activeElement.id`, &focused),
			chromedp.Evaluate(`[...document.querySelectorAll('[role="tab"]')].map(e => e.id + ":" + e.getAttribute("tabindex"))`, &tabindex))
		assert.Equal(t, "tab-"+step.want, focused, "the focus follows the tab chosen")
		for _, ti := range tabindex {
			assert.Equal(t, strings.HasPrefix(ti, "tab-"+step.want+":"), strings.HasSuffix(ti, ":0"), "only the chosen tab is in the Tab order: %v", tabindex)
		}
	}

	// Each tab names the panel it controls, which names the tab chosen.
	var panel []string
	p.run(chromedp.Evaluate(`[...document.querySelectorAll('[role="tab"]')].map(e => document.getElementById(e.getAttribute("aria-controls"))?.getAttribute("aria-labelledby") + " " + document.getElementById(e.getAttribute("aria-controls"))?.getAttribute("role"))`, &panel))
	assert.Equal(t, []string{"tab-gallery tabpanel", "tab-gallery tabpanel", "tab-gallery tabpanel"}, panel)

	var overflow bool
	p.run(chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth`, &overflow))
	assert.False(t, overflow, "no sideways scrolling at 390 px")
	// The walk's ends taken: their readings, in narrow columns, keep a
	// percentage's number and sign on one line ("(99" and "%" were two).
	p.run(chromedp.Click("#walk-set-A", chromedp.ByQuery), chromedp.WaitVisible("#walk-A", chromedp.ByQuery),
		chromedp.Click("#sample-9", chromedp.ByQuery), chromedp.Click("#walk-set-B", chromedp.ByQuery), chromedp.WaitVisible("#walk-B", chromedp.ByQuery))
	var split []string
	p.run(chromedp.Evaluate(`[...document.querySelectorAll(".reading")].filter(e => {
		const t = e.firstChild, at = t && t.nodeType === 3 ? t.data.search(/\d+\s%/) : -1;
		if (at < 0) return false;
		const r = document.createRange(); r.setStart(t, at); r.setEnd(t, t.data.indexOf("%", at) + 1);
		return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1;
	}).map(e => e.id + ": " + e.textContent)`, &split))
	assert.Empty(t, split, "readings whose percentage breaks over two lines")
	var unlabelled []string
	p.run(chromedp.Evaluate(`[...document.querySelectorAll("input, select")].filter(e => !e.labels || e.labels.length === 0).map(e => e.id)`, &unlabelled))
	assert.Empty(t, unlabelled, "every control has a label")
	p.run(chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#denoiser-about", chromedp.ByQuery),
		chromedp.WaitVisible("#plot", chromedp.ByQuery))
	assert.Empty(t, p.layoutShifts(), "layout shifts at 390 px, since navigation")
	var bare []string
	var sliders int
	p.run(chromedp.Evaluate(`[...document.querySelectorAll("input[type=range]")].filter(e => !e.getAttribute("aria-valuetext")).map(e => e.id)`, &bare),
		chromedp.Evaluate(`document.querySelectorAll("input[type=range]").length`, &sliders))
	assert.Equal(t, 3, sliders, "the noise amount, the walk and the nudge")
	// Named by what they are: their values, which the labels show too,
	// are in their value texts (said once, not twice).
	assert.Equal(t, "Amount", p.axName("#noise-amount"))
	assert.Equal(t, "Nudge", p.axName("#nudge-amount"))

	// A digit drawn: its reading under the preview is on the first
	// screen, and so is Clear, beside it.
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	p.stroke(100, 60, 160, 220)
	p.run(chromedp.WaitVisible("#draw-preview-reading", chromedp.ByQuery))
	var drawn []float64
	p.run(chromedp.Evaluate(`["draw-preview-reading", "clear", "draw-canvas"].map(id => document.getElementById(id).getBoundingClientRect().bottom)`, &drawn))
	require.Len(t, drawn, 3)
	assert.LessOrEqual(t, drawn[0], 844.0, "the drawn digit's reading on the first screen at 390×844")
	assert.LessOrEqual(t, drawn[1], 844.0, "and Clear")
	assert.Greater(t, drawn[1], drawn[2], "Clear under the canvas")
	p.b.screenshot(t, "phone-draw")
	assert.Empty(t, bare, "sliders read out as what they do, not as a bare number")
	// The plot's panels one above the other, its text at its size (once
	// its picture has loaded: the img has a box before).
	p.run(chromedp.Poll(`(() => { const i = document.getElementById("plot"); return i && i.complete && i.naturalWidth > 0 })()`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	var plot struct{ Natural, Shown float64 }
	p.run(chromedp.Evaluate(`(() => { const i = document.getElementById("plot"); return {natural: i.naturalWidth, shown: i.getBoundingClientRect().width}; })()`, &plot))
	t.Logf("the plot: %.0f SVG units shown %.0f px wide", plot.Natural, plot.Shown)
	assert.Equal(t, float64(webapp.NarrowPlot.Width), plot.Natural, "the narrow plot on a phone")
	assert.GreaterOrEqual(t, plot.Shown/plot.Natural, 0.9, "the plot's text not shrunk")
	p.b.screenshot(t, "phone")

	// On a touch screen the hints for keys (Ctrl+V, the keyboard's box)
	// are left out.
	var coarse bool
	p.run(emulation.SetTouchEmulationEnabled(true),
		chromedp.Evaluate(`matchMedia("(pointer: coarse) and (hover: none)").matches`, &coarse))
	require.True(t, coarse, "a touch screen emulated")
	// Every slider a finger's height (the walk's was 16 px).
	var heights map[string]float64
	p.run(chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll("input[type=range]")].map(e => [e.id, e.getBoundingClientRect().height]))`, &heights))
	assert.Len(t, heights, 3)
	for id, h := range heights {
		assert.GreaterOrEqual(t, h, 32.0, "slider %s's height on a touch screen", id)
	}
	p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#dropzone", chromedp.ByQuery))
	var shown []string
	var hints int
	p.run(chromedp.Evaluate(`document.querySelectorAll(".keys").length`, &hints),
		chromedp.Evaluate(`[...document.querySelectorAll(".keys")].filter(e => getComputedStyle(e).display !== "none").map(e => e.textContent)`, &shown))
	require.Positive(t, hints, "the upload tab's hint for keys")
	assert.Empty(t, shown, "hints for keys shown on a touch screen")

	// An upload's results fit the phone, the box around the digit found is
	// on the picture, what is said of it comes right under it, and the
	// denoised digit is beside it, on the first screen.
	samples := webapp.Samples()
	p.run(chromedp.SetUploadFiles("#upload", []string{twoDigitUpload(t, samples[24].Pixels, samples[21].Pixels)}, chromedp.ByQuery))
	p.changed("#dae-output", "")
	var fit struct {
		Overflow, Inside, HintBelow, Beside bool
		Bottom                              float64
		Ids                                 []string
	}
	p.run(chromedp.Evaluate(`(() => {
		const r = id => document.getElementById(id).getBoundingClientRect();
		const pic = r("original"), found = r("found"), hint = r("box-hint"), input = r("model-input");
		const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
		return {overflow: document.documentElement.scrollWidth > window.innerWidth,
			inside: found.left >= pic.left - 1 && found.right <= pic.right + 1 && found.top >= pic.top - 1 && found.bottom <= pic.bottom + 1,
			hintBelow: hint.top >= pic.bottom && hint.bottom <= input.top,
			beside: r("dae-output").top === pic.top && r("dae-output").left >= pic.right,
			bottom: document.getElementById("dae-output-reading").getBoundingClientRect().bottom,
			ids: ids.filter((id, i) => ids.indexOf(id) !== i)};
	})()`, &fit))
	assert.False(t, fit.Overflow, "no sideways scrolling with an upload's results")
	assert.True(t, fit.Inside, "the box found is on the picture")
	assert.True(t, fit.HintBelow, "what is said of the picture comes right under it")
	assert.True(t, fit.Beside, "the denoised digit beside the picture")
	assert.LessOrEqual(t, fit.Bottom, 844.0, "the denoised digit's reading on the first screen at 390×844")
	assert.Empty(t, fit.Ids, "ids used twice")
	p.b.screenshot(t, "phone-upload")
	// A corner tapped: what to do next, without the Escape a phone has not.
	p.run(chromedp.Click("#picture-frame", chromedp.ByQuery), chromedp.WaitVisible("#corner-note", chromedp.ByQuery))
	assert.Equal(t, "One corner marked: tap the opposite corner of a box around the digit (a drag starts again).", p.text("#corner-note"))
	p.run(chromedp.Click("#picture-frame", chromedp.ByQuery), chromedp.WaitNotPresent("#corner-note", chromedp.ByQuery))

	// So with a small digit in a large photo, whose enlarged part comes
	// after what is said of the picture, beside the model input.
	path, _, _ := smallDigitPhoto(t, samples[12].Pixels)
	before = p.src("#dae-output")
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery), chromedp.WaitVisible("#inset", chromedp.ByQuery))
	p.changed("#dae-output", before)
	// Once the part around it was looked at again, finer: a 4.
	p.run(chromedp.Poll(`document.getElementById("results").getAttribute("aria-busy") === "false" && document.getElementById("model-input-reading").textContent.startsWith("reads 4 (")`,
		nil, chromedp.WithPollingTimeout(10*time.Second)))
	var small struct {
		Beside, InsetBelow  bool
		Bottom              float64
		InsetSide, TileSide float64
	}
	p.run(chromedp.Evaluate(`(() => {
		const r = id => document.getElementById(id).getBoundingClientRect();
		const pic = r("original"), out = r("dae-output"), inset = r("inset"), hint = r("box-hint"), input = r("model-input");
		return {beside: out.top === pic.top && out.left >= pic.right,
			insetBelow: inset.top >= hint.bottom && inset.top === input.top,
			bottom: r("dae-output-reading").bottom,
			insetSide: inset.width, tileSide: input.width};
	})()`, &small))
	assert.True(t, small.Beside, "the denoised digit beside the picture of a small digit")
	assert.True(t, small.InsetBelow, "the enlarged part under what is said of the picture, beside the model input")
	assert.Equal(t, small.TileSide, small.InsetSide, "the enlarged part as large as the tile beside it (it was 112 px beside 156), to box the digit on")
	assert.LessOrEqual(t, small.Bottom, 844.0, "the denoised digit's reading on the first screen")
	p.b.screenshot(t, "phone-upload-small-digit")

	// Between a phone and a wide screen (a 1280 px screen at 200 %), the
	// walk's ends and the slider between them are one row still (B went
	// under A), and nothing is wider than the page.
	for _, width := range []int64{700, 660, 640, 560} {
		var walk struct {
			Row, Overflow bool
		}
		p.run(chromedp.EmulateViewport(width, 900), chromedp.Evaluate(`(() => {
			const r = id => document.getElementById(id).getBoundingClientRect();
			const a = r("walk-set-A"), b = r("walk-set-B"), s = r("walk-t");
			return {row: a.top === b.top && a.right < s.left && s.right < b.left, overflow: document.documentElement.scrollWidth > window.innerWidth};
		})()`, &walk))
		assert.True(t, walk.Row, "the walk in one row at %d px", width)
		assert.False(t, walk.Overflow, "no sideways scrolling at %d px", width)
	}

	// A phone held sideways: the draw pad fits the screen's height, so
	// that a whole digit is drawn without the page scrolling under the pen
	// (it was 280 px high on a 360 px screen).
	var pad, screen float64
	p.run(chromedp.EmulateViewport(740, 360), chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("draw-canvas").getBoundingClientRect().height`, &pad), chromedp.Evaluate(`innerHeight`, &screen))
	assert.LessOrEqual(t, pad, 0.76*screen, "the draw pad's height on a 740×360 screen")
	// And the result is beside the input, on the first screen (one above
	// the other, it came a screen and a half down), its tiles and code
	// within the column, however narrow (no sideways scrolling).
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	// From 900 px wide, rules for wide screens put the numbers beside the
	// code's map, which the column crushed (20 px wide at 932×430).
	for _, size := range [][2]int64{{740, 360}, {667, 375}, {932, 430}, {1280, 480}} {
		var sideways struct {
			Bottom, Screen, Map float64
			Beside, Wide        bool
		}
		p.run(chromedp.EmulateViewport(size[0], size[1]), chromedp.Evaluate(`(() => {
			scrollTo(0, 0);
			const o = document.getElementById("dae-output").getBoundingClientRect(), g = document.getElementById("tab-panel").getBoundingClientRect();
			return {bottom: o.bottom, screen: innerHeight, beside: o.left >= g.right, wide: document.documentElement.scrollWidth > innerWidth,
				map: document.querySelector(".latent-map").getBoundingClientRect().width};
		})()`, &sideways))
		assert.True(t, sideways.Beside, "the denoised digit beside the samples at %v", size)
		assert.LessOrEqual(t, sideways.Bottom, sideways.Screen, "the denoised digit on the first screen at %v", size)
		assert.False(t, sideways.Wide, "no sideways scrolling at %v", size)
		assert.Greater(t, sideways.Map, 280.0, "the code's map across the column at %v", size)
	}
	p.b.screenshot(t, "walk-560")
	assert.Empty(t, p.b.consoleErrors())
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
	assert.Contains(t, p.text("#fatal"), "The model could not be loaded: weights/dae.safetensors: not a safetensors file")
	p.b.screenshot(t, "broken-weights")
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, data, 0o644))
}
