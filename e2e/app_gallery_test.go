package e2e

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// TestApp's subtests of the gallery: the samples, the noise, and the first
// view.

// galleryWithNoise is TestApp's "gallery with noise".
func (a *app) galleryWithNoise(t *testing.T) {
	m := a.m
	samples := a.samples
	p := a.open(t)
	noisy, err := webapp.DefaultNoise().Apply(samples[0].Pixels)
	require.NoError(t, err)
	want := p.checkResult("sample 0", m, webapp.Seed, noisy, samples[0].Pixels)
	psnr := strings.ReplaceAll(regexp.MustCompile(`[\d.]+\x{a0}dB`).FindString(p.text("#dae-scores")), "\u00a0", " ")
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
	p.run(chromedp.Evaluate(`["original-reading", "model-input-reading", "dae-output-reading", "ae-output-reading"].map(id => document.getElementById(id).getBoundingClientRect().top)`, &tops))
	assert.Equal(t, []float64{tops[0], tops[0], tops[0], tops[0]}, tops, "the readings' tops")
	var captionWidth float64
	p.run(chromedp.Evaluate(`document.querySelector("table.metrics > caption")?.getBoundingClientRect().width ?? 0`, &captionWidth))
	assert.Greater(t, captionWidth, 300.0, "the figures' caption is the table's, as wide as it")
	// On a wide screen (the tests' 1000 px) the numbers are beside the
	// code and a digit's pixel is 8 screen pixels, the row of tiles as
	// wide as the panels above it, near enough; at 920 px a pixel is 7;
	// on a tablet's width the code is under the numbers and a pixel is 6.
	layout := func() (numbersRight, numbersTop, numbersBottom, codeLeft, codeTop, tile float64) {
		var v []float64
		p.run(chromedp.Evaluate(`(() => { const n = document.querySelector("table.metrics").getBoundingClientRect(), c = document.getElementById("latent").getBoundingClientRect(); return [n.right, n.top, n.bottom, c.left, c.top, document.getElementById("dae-output").getBoundingClientRect().width]; })()`, &v))
		require.Len(t, v, 6)
		return v[0], v[1], v[2], v[3], v[4], v[5]
	}
	right, top, _, codeLeft, codeTop, tile := layout()
	assert.Less(t, right, codeLeft, "wide: the code right of the numbers")
	assert.InDelta(t, top, codeTop, 1, "wide: the code beside the numbers, level with them")
	assert.Equal(t, 8.0*webapp.Side, tile)
	var short float64
	p.run(chromedp.Evaluate(`document.querySelector(".noise").getBoundingClientRect().right - document.getElementById("ae-output").getBoundingClientRect().right`, &short))
	assert.Less(t, short, 20.0, "the row of tiles short of the panels' right edge by")
	clear := chromedp.ActionFunc(func(ctx context.Context) error { return emulation.ClearDeviceMetricsOverride().Do(ctx) })
	t.Cleanup(func() { _ = chromedp.Run(p.b.ctx, clear) }) // the browser's tab is the next subtest's too
	p.run(chromedp.EmulateViewport(920, 1024))
	_, _, _, _, _, tile = layout()
	assert.Equal(t, 7.0*webapp.Side, tile, "at 920 px")
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
	})()`, &sizes, awaitPromise))
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
	})()`, &grew, awaitPromise))
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
	want := p.checkResult("amount 0.8", m, webapp.Seed, in, samples[7].Pixels)
	assert.Equal(t, "The amount: "+n.AmountSays()+".", p.text("#noise-amount-says"))
	// The verdict, as the page says it: the reader reads most digits
	// under this noise as one digit, which its reading of the input is
	// not taken for (webapp.Noise.ReadAs).
	want.Label = samples[7].Label
	require.NoError(t, want.NoteNoise(n))
	v := want.Verdict()
	assert.Contains(t, p.text("#reading"), ". "+strings.ToUpper(v[:1])+v[1:]+".")
	// And why the reader read the input so, under its reading.
	var note string
	p.run(chromedp.Evaluate(`document.getElementById("model-input-noise")?.textContent ?? ""`, &note))
	assert.Equal(t, want.NoiseNote(), note)
	assert.NotEmpty(t, note, "salt and pepper 0.8: the input read as an 8, as 95 % of digits are")
	// The amount stepped eight times, 50 ms apart, as a key held on the
	// slider steps it: a screen reader hears the reader's sentence once,
	// of the amount it stops at (it heard six in half a second).
	// Gaussian noise, whose every step changes the input's reading (salt
	// and pepper here read 8 at 100 % at every step: the same sentence).
	p.js(`(() => { const s = document.getElementById("noise-kind"); s.value = "gaussian"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	p.js(`window.readingSaid = 0; new MutationObserver(rs => window.readingSaid += rs.length).observe(document.getElementById("reading-said"), {childList: true, characterData: true, subtree: true})`)
	var steps bool
	p.run(chromedp.Evaluate(`new Promise(done => {
		const s = document.getElementById("noise-amount");
		let v = 40;
		const step = () => { s.value = String(v); s.dispatchEvent(new Event("input", {bubbles: true})); v += 5; if (v <= 75) setTimeout(step, 50); else done(true); };
		setTimeout(() => { window.readingSaid = 0; step(); }, 0); // the kind's change not counted
	})`, &steps, awaitPromise))
	var heard int
	p.run(chromedp.Poll(`window.readingSaid > 0`, nil, chromedp.WithPollingTimeout(5*time.Second)), chromedp.Sleep(time.Second), chromedp.Evaluate(`window.readingSaid`, &heard))
	assert.Equal(t, 1, heard, "the sentence read out once")
	// With why the input read so, which the screen shows in its tile.
	heardWhy := ""
	var why string
	p.run(chromedp.Evaluate(`document.getElementById("model-input-noise")?.textContent ?? ""`, &why))
	if why != "" {
		heardWhy = " " + strings.ToUpper(why[:1]) + why[1:] + "."
	}
	assert.Equal(t, p.spoken("#reading")+heardWhy, p.text("#reading-said"))
	assert.NotEmpty(t, heardWhy, "Gaussian 0.75: the input read as an 8, as 96 % of digits are")
	n.Kind, n.Amount = webapp.Gaussian, 0.75
	in, _ = n.Apply(samples[7].Pixels)
	p.checkResult("Gaussian, amount 0.75", m, webapp.Seed, in, samples[7].Pixels)
	// Every pixel salted or peppered: nothing of the digit is left to
	// recover or lose, whatever the reader makes of it.
	p.js(`(() => { const s = document.getElementById("noise-kind"); s.value = "saltpepper"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	p.js(`(() => { const s = document.getElementById("noise-amount"); s.value = "100"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
	p.run(chromedp.Poll(`document.getElementById("reading").textContent.includes("leaves nothing of it")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Contains(t, p.text("#reading"), ". It is a 2, but this much noise leaves nothing of it: every digit gives this same input.", "sample 7, a 2")
	p.js(`(() => { const s = document.getElementById("noise-amount"); s.value = "80"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
	p.run(chromedp.Poll(`!document.getElementById("reading").textContent.includes("leaves nothing of it")`, nil, chromedp.WithPollingTimeout(5*time.Second)))

	// The slider stays where it is whatever its words say, for every
	// kind and amount (words beside it moved it from under a drag); and
	// Re-roll is off where there is nothing random to draw again.
	var seen struct{ Places, Rerolls []string }
	p.run(chromedp.Evaluate(`(async () => {
		const places = new Set(), rerolls = [], s = () => document.getElementById("noise-amount"), k = document.getElementById("noise-kind");
		for (const kind of ["gaussian", "saltpepper", "occlusion"]) {
			k.value = kind; k.dispatchEvent(new Event("change", {bubbles: true}));
			for (const v of ["0", "5", "10", "50", "100"]) {
				s().value = v; s().dispatchEvent(new Event("input", {bubbles: true}));
				await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
				const r = s().getBoundingClientRect();
				places.add(r.left + "," + r.top);
				rerolls.push(kind + " " + v + ": " + (document.getElementById("reroll").disabled ? "off" : "on"));
			}
		}
		return {places: [...places], rerolls};
	})()`, &seen, awaitPromise))
	assert.Len(t, seen.Places, 1, "the slider's places: %v", seen.Places)
	var rerolls []string
	for _, kind := range []string{webapp.Gaussian, webapp.SaltPepper, webapp.Occlusion} {
		for _, v := range []int{0, 5, 10, 50, 100} {
			on := map[bool]string{true: "on", false: "off"}[webapp.Noise{Kind: kind, Amount: float64(v) / 100}.Random()]
			rerolls = append(rerolls, fmt.Sprintf("%s %d: %s", kind, v, on))
		}
	}
	assert.Equal(t, rerolls, seen.Rerolls, "Re-roll on where the noise is random")

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

	// A block that fell on the black background changed nothing: the
	// amount's line says so, and what to do (the control looked broken).
	var roll uint64
	for roll = 1; ; roll++ {
		n := webapp.Noise{Kind: webapp.Occlusion, Amount: 0.05, Seed: roll}
		if in, _ := n.Apply(samples[7].Pixels); slices.Equal(in, samples[7].Pixels) {
			break
		}
	}
	p.run(chromedp.Navigate(fmt.Sprintf("%s#sample=7&noise=occlusion&amount=0.05&roll=%d", a.url, roll)),
		chromedp.Poll(`document.getElementById("noise-amount-says")?.textContent.includes("changed nothing")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Equal(t, "The amount: a block of 1×1 pixels blanked. This one fell on the black background and changed nothing: Re-roll noise moves it.", p.text("#noise-amount-says"))
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
