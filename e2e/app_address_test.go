package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// TestApp's subtests of the page's address and history.

// backReturns is TestApp's "back returns to the tab before".
func (a *app) backReturns(t *testing.T) {
	samples := a.samples
	// Each tab is an entry of the history: Back from the drawing
	// comes back to the upload, still shown, and then to the gallery;
	// Forward goes again. A sample or the noise replaces the entry.
	p := a.upload(t)
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
	// After a reload too, which brings the upload back (keepUpload).
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery))
	tab("upload")
	p.run(chromedp.WaitVisible("#model-input", chromedp.ByQuery))
	assert.Equal(t, shown, p.src("#model-input"), "the upload is back")
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
}

// addressSaysWhatIsShown is TestApp's "the address says what is shown".
func (a *app) addressSaysWhatIsShown(t *testing.T) {
	m := a.m
	samples := a.samples
	// The address carries the tab, digit, noise and denoisers shown:
	// a reload shows the same, and so does an address edited by hand;
	// one the page cannot follow is said, and left for the person to
	// mend.
	p := a.open(t)
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
	p.js(`location.hash = "sample=99"`)
	p.run(chromedp.WaitVisible("#message", chromedp.ByQuery))
	assert.Equal(t, `The address (after its #) was not followed: sample="99" is not a digit of the gallery (1 to 30).`, p.text("#message"))
	assert.Equal(t, "#sample=99", hash(), "the address is left for the person to mend")
	var selected bool
	p.run(chromedp.Evaluate(`document.getElementById("tab-draw").getAttribute("aria-selected") == "true"`, &selected))
	assert.True(t, selected, "what was shown stays")
	// Once the page no longer says why, the address says what is
	// shown, even after a click that changed nothing.
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitNotPresent("#message", chromedp.ByQuery))
	assert.Equal(t, "#tab=draw&sample=3", hash())

	// One part wrong: the rest is followed.
	p.js(`location.hash = "sample=99&tab=upload"`)
	p.run(chromedp.WaitVisible(`#tab-upload[aria-selected="true"]`, chromedp.ByQuery), chromedp.WaitVisible("#message", chromedp.ByQuery))
	assert.Equal(t, `Part of the address (after its #) was not followed: sample="99" is not a digit of the gallery (1 to 30).`, p.text("#message"))
	assert.Equal(t, "#sample=99&tab=upload", hash(), "the address is left for the person to mend")
}
