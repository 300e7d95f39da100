package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// TestApp's subtests of the samples, the noise, the models and what the
// page shows of them (the plot, the code space, the colours).

// galleryWithNoise is TestApp's "gallery with noise".
func (a *app) galleryWithNoise(t *testing.T) {
	m := a.m
	samples := a.samples
	p := a.open(t)
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
}

// memoryDoesNotGrow is TestApp's "the page's memory does not grow with use":
// Each change shown is a render; the memory the renders take is given
// back (vecty kept every render's copy of each component, chained, and the
// memory grew by a quarter of a megabyte a render).
func (a *app) memoryDoesNotGrow(t *testing.T) {
	p := a.open(t)
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
}

// noiseControls is TestApp's "noise controls".
func (a *app) noiseControls(t *testing.T) {
	m := a.m
	samples := a.samples
	p := a.open(t)
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
}

// firstViewBeforeStrong is TestApp's "the first view comes before the strong model".
func (a *app) firstViewBeforeStrong(t *testing.T) {
	url := a.url
	b := a.b
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
}

// plot is TestApp's "the plot".
func (a *app) plot(t *testing.T) {
	m := a.m
	samples := a.samples
	// Under the result, PSNR and the reader's confidence against the
	// noise amount, as computed natively; drawn again for another noise
	// kind one amount at a time, each in a task of its own, so that the
	// page's thread is held no longer than by an ordinary change (the
	// amount slider, which only moves the plot's mark).
	p := a.open(t)
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
}

// lightAndDark is TestApp's "light and dark".
func (a *app) lightAndDark(t *testing.T) {
	b := a.b
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
		p = a.open(t)
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
}

// walk is TestApp's "walk the code space".
func (a *app) walk(t *testing.T) {
	m := a.m
	samples := a.samples
	// Two gallery digits' codes (the seed's model) and the point half way
	// between them, and one unit of the current digit's code nudged: the
	// page shows the decoder's images and readings as computed natively.
	p := a.open(t)
	noisy0, _ := webapp.DefaultNoise().Apply(samples[0].Pixels)
	p.run(chromedp.Click("#walk-set-A", chromedp.ByQuery), chromedp.WaitVisible("#walk-A", chromedp.ByQuery),
		chromedp.WaitVisible("#plot", chromedp.ByQuery))
	// A screen reader is told what came of it (the picture and its
	// reading came silently): the words are checked against the native
	// store's below.
	saidA := p.text("#walk-said")
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
	saidB := p.text("#walk-said")
	p.js(`(() => { const s = document.getElementById("walk-t"); s.value = "50"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(p.text("#walk-image + figcaption"), "50 %") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}

	s := webapp.NewStore(nil)
	s.Loaded(m.Bundle, nil)
	s.SetNoise(webapp.DefaultNoise())
	s.SetWalkEnd("A")
	sameReadings(t, "end A taken, said", s.State().Walk.Taken, saidA)
	s.ShowSample(20)
	s.SetWalkEnd("B")
	sameReadings(t, "end B taken, said", s.State().Walk.Taken, saidB)
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
	// The unit typed is said, where it is (its label changes silently).
	assert.Equal(t, "Unit 17: "+webapp.UnitName(17, want.Result.LatentShape)+".", p.text("#nudge-said"))
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
}

// chooseDenoiser is TestApp's "choose the denoiser".
func (a *app) chooseDenoiser(t *testing.T) {
	m := a.m
	samples := a.samples
	// The gallery shows the seed's model; a click shows the strong
	// model's output instead, and the drawing tab keeps its own choice.
	p := a.open(t)
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
}

// ownWeights is TestApp's "own weights".
func (a *app) ownWeights(t *testing.T) {
	p := a.open(t)
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
}
