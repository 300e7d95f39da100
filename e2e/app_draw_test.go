package e2e

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// TestApp's subtests of the draw pad: drawing, keeping and undoing.

// draw is TestApp's "draw".
func (a *app) draw(t *testing.T) {
	m := a.m
	p := a.open(t)
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	assert.Contains(t, p.text("#draw-hint"), "With a mouse, a pen or a finger", "what to do, said where it is seen")
	assert.Equal(t, "Draw a digit in the box: it shows here too, with its figures and the plot. It stays on your machine: the page's address does not carry it.", p.text("#results-empty"), "the results' own words for this tab, and that a shared address opens it without the drawing")
	// Clear on the blank canvas is shown disabled and does nothing: it
	// said "Drawing cleared." and kept the blank canvas for Undo.
	assert.Equal(t, "true", p.attr("#clear", "aria-disabled"), "Clear on a blank canvas")
	p.run(chromedp.Click("#clear", chromedp.ByQuery))
	var undoOff bool
	var status string
	p.run(chromedp.Evaluate(`document.getElementById("undo").getAttribute("aria-disabled") === "true"`, &undoOff),
		chromedp.Evaluate(`document.getElementById("draw-status").textContent`, &status))
	assert.True(t, undoOff, "nothing kept for Undo by Clear on a blank canvas")
	assert.Empty(t, status, "nothing said by it")
	// A press made by a script, of a pointer the browser does not know
	// (which it will not let the page capture), does not stop the app
	// (it did: a panic): the strokes below are drawn and denoised. Its
	// dot is cleared.
	p.js(`(() => { const c = document.getElementById("draw-canvas"); c.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, pointerId: 99, isPrimary: true})); c.dispatchEvent(new PointerEvent("pointerup", {bubbles: true, pointerId: 99, isPrimary: true})); c.dispatchEvent(new PointerEvent("pointercancel", {bubbles: true, pointerId: 99, isPrimary: true})) })()`)
	p.run(chromedp.Click("#clear", chromedp.ByQuery))
	p.stroke(100, 60, 160, 220)
	p.changed("#dae-output", "")
	assert.Equal(t, "false", p.attr("#clear", "aria-disabled"), "Clear with a digit drawn")
	var again string
	dataURL, clean := p.drawing()
	in, _ := webapp.DefaultNoise().Apply(clean)
	res := p.checkResult("drawing", m, webapp.Strong, in, clean)
	assert.Contains(t, p.text("#dae-scores"), "dB")
	// Beside the canvas, the same denoised digit and its reading, in
	// sight while one draws.
	assert.Equal(t, p.src("#dae-output"), p.src("#draw-preview-output"))
	assert.Equal(t, "reads "+res.DAEReading.String(), strings.ReplaceAll(p.text("#draw-preview-reading"), "\u00a0", " "))
	assert.Equal(t, "reads "+res.InputReading.String(), strings.ReplaceAll(p.text("#draw-preview-input-reading"), "\u00a0", " "), "and the model input's")
	// Said once the pen lifts, not at every move (the results' line is
	// quiet while one draws).
	assert.Equal(t, "Your digit, denoised, reads "+res.DAEReading.String()+".", p.text("#draw-status"))
	// So is a reading that the noise or the model changed, with the pen
	// up (it was not: the line kept the reading from before).
	p.js(`window.statusSaid = 0; new MutationObserver(rs => window.statusSaid += rs.length).observe(document.getElementById("draw-status"), {childList: true, characterData: true, subtree: true})`)
	before := p.src("#dae-output")
	p.run(chromedp.Click("#denoiser-seed", chromedp.ByQuery))
	p.changed("#dae-output", before)
	bySeed := p.checkResult("drawing, the seed's model", m, webapp.Seed, in, clean)
	bySeedSaid := "Your digit, denoised, reads " + bySeed.DAEReading.String() + "."
	p.run(chromedp.Poll(`document.getElementById("draw-status").textContent === `+jsString(bySeedSaid), nil, chromedp.WithPollingTimeout(5*time.Second)))
	var said int
	p.run(chromedp.Evaluate(`window.statusSaid`, &said))
	assert.LessOrEqual(t, said, 1, "said once (or not again: the same words as the strong model's)")
	// The amount stepped six times, 80 ms apart, as a key held on its
	// slider steps it: said once, after a pause, of the amount it stops at
	// (it was said at every step).
	var stepped bool
	p.run(chromedp.Evaluate(`new Promise(done => {
		document.getElementById("draw-status").textContent = "—";
		setTimeout(() => { window.statusSaid = 0; step(); }, 0); // after the observer has counted that
		const s = document.getElementById("noise-amount");
		let v = 55;
		const step = () => { s.value = String(v); s.dispatchEvent(new Event("input", {bubbles: true})); v += 5; if (v <= 80) setTimeout(step, 80); else done(true); };
	})`, &stepped, awaitPromise))
	p.run(chromedp.Poll(`window.statusSaid > 0`, nil, chromedp.WithPollingTimeout(5*time.Second)), chromedp.Sleep(time.Second), chromedp.Evaluate(`window.statusSaid`, &said))
	assert.Equal(t, 1, said, "said once, after the steps")
	n := webapp.DefaultNoise()
	n.Amount = 0.8
	in, _ = n.Apply(clean)
	at8 := p.checkResult("drawing, amount 0.8", m, webapp.Seed, in, clean)
	assert.Equal(t, "Your digit, denoised, reads "+at8.DAEReading.String()+".", p.text("#draw-status"), "the amount it stopped at")
	p.js(`(() => { const s = document.getElementById("noise-amount"); s.value = "50"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
	in, _ = webapp.DefaultNoise().Apply(clean)
	p.checkResult("drawing, amount 0.5 again", m, webapp.Seed, in, clean)
	before = p.src("#dae-output")
	p.run(chromedp.Click("#denoiser-strong", chromedp.ByQuery))
	p.changed("#dae-output", before)
	assert.Empty(t, p.text("#reading-said"), "the results' line is not read out on the draw tab: the pad says its reading")
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
	})()`, &done, awaitPromise))
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
			awaitPromise))
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
	})()`, &cut, awaitPromise))
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
	assert.Equal(t, "A line is not a digit yet: draw on.", p.text("#results-empty"), "said where the result would be too (beside the pad, on a screen wider than high)")

	// Cleared, nothing is kept for a reload.
	p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.Reload(), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	p.run(chromedp.WaitVisible(`body[data-kept-drawing="none"]`, chromedp.ByQuery)) // said once the page has looked
	assert.Equal(t, "Your digit, with its noise and denoised, shows here as you draw.", p.text("#draw-preview"))
}

// noSiteData is TestApp's "a browser that keeps no site data".
func (a *app) noSiteData(t *testing.T) {
	b := a.b
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
	p = a.open(t)
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	p.stroke(100, 60, 160, 220)
	p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery), chromedp.WaitVisible("#draw-not-kept", chromedp.ByQuery))
	assert.Equal(t, "This browser keeps nothing for the page (its site data blocked, or full): a reload will not bring the drawing back.", p.text("#draw-not-kept"))
	p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitNotPresent("#dae-output", chromedp.ByQuery))
	assert.Equal(t, "Drawing cleared: Undo brings it back.", p.text("#draw-status"))
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-drawing="none"]`, chromedp.ByQuery))
	// Nor can it know of an upload before the reload, and says so.
	p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible(`#tab-upload[aria-selected="true"]`, chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	assert.Contains(t, p.text("#results-empty"), "A picture chosen before the page was reloaded is not kept in this browser: choose it again.")
	assert.Equal(t, errorsBefore, len(p.b.consoleErrors()), "errors in the console: %v", p.b.consoleErrors()[errorsBefore:])
}

// undoStroke is TestApp's "undo a stroke".
func (a *app) undoStroke(t *testing.T) {
	// The draw pad takes back its last strokes and clearings, by its
	// button and by Ctrl+Z, ten at most: the canvas, the result and the
	// drawing kept for a reload as they were; and Redo does them again.
	p := a.open(t)
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery))
	blank, _ := p.canvas()
	disabled := func() bool {
		var d bool
		p.run(chromedp.Evaluate(`document.getElementById("undo").getAttribute("aria-disabled") === "true"`, &d))
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

	// Redo (its button, Ctrl+Shift+Z, Ctrl+Y) does again what was taken
	// back, the last taken back first: the first stroke, then the
	// clearing (the second stroke, taken back before the clearing, is
	// not to do again), then nothing more. A new stroke leaves nothing
	// to do again.
	redoOff := func() bool {
		var d bool
		p.run(chromedp.Evaluate(`document.getElementById("redo").getAttribute("aria-disabled") === "true"`, &d))
		return d
	}
	assert.False(t, redoOff(), "two steps to do again")
	p.run(chromedp.Click("#redo", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	now, kept = p.canvas()
	assert.Equal(t, one, now, "the first stroke again")
	assert.Equal(t, one, kept, "and kept for a reload")
	assert.Equal(t, oneOut, p.src("#dae-output"))
	assert.True(t, strings.HasPrefix(p.text("#draw-status"), "Redone. Your digit, denoised, reads "), p.text("#draw-status"))
	p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl|input.ModifierShift)), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	assert.Equal(t, "Redone: the canvas is blank.", p.text("#draw-status"), "the clearing done again")
	assert.True(t, redoOff(), "nothing more to do again")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	assert.False(t, redoOff())
	p.run(chromedp.KeyEvent("y", chromedp.KeyModifiers(input.ModifierCtrl)), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	assert.Equal(t, "Redone: the canvas is blank.", p.text("#draw-status"), "Ctrl+Y does it again too")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	p.stroke(60, 200, 220, 200)
	p.changed("#dae-output", oneOut)
	assert.True(t, redoOff(), "a new stroke: nothing to do again")
	for range 4 { // back to a blank canvas with nothing to take back
		if disabled() {
			break
		}
		p.run(chromedp.Click("#undo", chromedp.ByQuery))
	}
	p.run(chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	now, _ = p.canvas()
	require.Equal(t, blank, now)

	// A second finger on the canvas during a stroke is a pinch or a
	// scroll: it draws nothing and takes the first finger's stroke back
	// (its points were joined to the first's; later the first's line
	// stayed, and was read as a 1).
	p.stroke(60, 60, 200, 220)
	alone, _ := p.canvas()
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	p.stroke(100, 60, 160, 220)
	p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	oneStroke, _ := p.canvas()
	oneStrokeOut := p.src("#dae-output")
	p.stroke(90, 140, 200, 140) // taken back: Redo can do it again, after the pinch too
	twoStrokesOut := p.changed("#dae-output", oneStrokeOut)
	p.run(chromedp.Click("#undo", chromedp.ByQuery))
	p.changed("#dae-output", twoStrokesOut)
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
	now, _ = p.canvas()
	assert.Equal(t, oneStroke, now, "the pinch's strokes taken back, the stroke before it left")
	assert.False(t, redoOff(), "what Redo could do before the pinch, it can still (the pinch forgot it)")
	// So when the second finger lands beside the canvas (on a phone the
	// canvas leaves little room round it).
	p.js(`(() => {
		` + penJS + `
		const finger = id => ({pointerId: id, isPrimary: id === 1, pointerType: "touch"});
		ev("pointerdown", 60, 60, finger(1));
		for (let i = 1; i <= 10; i++) ev("pointermove", 60 + 7*i, 60 + 8*i, finger(1));
		document.body.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, pointerId: 2, isPrimary: false, pointerType: "touch", clientX: r.right + 30, clientY: r.top + 40}));
		for (let i = 1; i <= 10; i++) ev("pointermove", 130 + 7*i, 140 + 8*i, finger(1));
		ev("pointerup", 200, 220, finger(1));
	})()`)
	now, _ = p.canvas()
	assert.Equal(t, oneStroke, now, "the stroke taken back when the second finger is off the canvas")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
	now, _ = p.canvas()
	assert.Equal(t, blank, now, "one undo takes back the stroke before the pinch")

	// Only the mouse's main button, a pen's tip and a finger draw: not
	// the right button (it drew, and opened the browser's menu), the
	// middle one, a pen's barrel button or its eraser.
	p.js(`(() => {
		` + penJS + `
		for (const o of [{button: 2, buttons: 2}, {button: 1, buttons: 4}, {pointerType: "pen", button: 2, buttons: 2}, {pointerType: "pen", button: 5, buttons: 32}, {pointerType: "pen", button: 0, buttons: 32}]) {
			ev("pointerdown", 60, 60, o);
			for (let i = 1; i <= 10; i++) ev("pointermove", 60 + 14*i, 60 + 16*i, o);
			ev("pointerup", 200, 220, o);
		}
	})()`)
	now, _ = p.canvas()
	assert.Equal(t, blank, now, "no ink from the other buttons")

	// A hand resting on the screen while a pen draws (its touch is its
	// type's primary pointer) draws nothing, and the pen's stroke goes on
	// (the touch ended it and began one of its own).
	p.js(`(() => {
		` + penJS + `
		const pen = {pointerType: "pen"}, palm = {pointerId: 7, isPrimary: true, pointerType: "touch"};
		ev("pointerdown", 60, 60, pen);
		for (let i = 1; i <= 20; i++) {
			if (i === 10) ev("pointerdown", 250, 250, palm);
			if (i > 10) ev("pointermove", 250 - i, 250, palm);
			ev("pointermove", 60 + 7*i, 60 + 8*i, pen);
		}
		ev("pointerup", 200, 220, pen);
		ev("pointerup", 230, 250, palm);
	})()`)
	p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	now, _ = p.canvas()
	assert.Equal(t, alone, now, "the pen's stroke alone")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))

	// The moves a browser merges into one pointer-move event (a fast
	// stroke's) are drawn through, not a straight chord to the last.
	var merged []int
	p.run(chromedp.Evaluate(`(() => {
		`+penJS+`
		ev("pointerdown", 60, 60);
		const e = new PointerEvent("pointermove", {bubbles: true, pointerId: 1, isPrimary: true, clientX: r.left + 220, clientY: r.top + 60});
		const moves = [[80, 160], [140, 230], [220, 60]].map(([x, y]) => new PointerEvent("pointermove", {clientX: r.left + x, clientY: r.top + y}));
		Object.defineProperty(e, "getCoalescedEvents", {value: () => moves});
		c.dispatchEvent(e);
		ev("pointerup", 220, 60);
		const at = (x, y) => c.getContext("2d").getImageData(x * c.width / r.width, y * c.height / r.height, 1, 1).data[0];
		return [at(80, 160), at(140, 230), at(140, 60)];
	})()`, &merged))
	assert.Equal(t, []int{0, 0, 255}, merged, "ink through the merged moves, none on the chord")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))

	// A stroke drawn on past the box: the page says only what is inside
	// is read, beside the canvas and in the results' verdict, and not
	// once that stroke is taken back.
	p.stroke(100, 60, 160, 220)
	p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	var edgeSaid bool
	p.run(chromedp.Evaluate(`!!document.getElementById("draw-edge")`, &edgeSaid))
	assert.False(t, edgeSaid, "a drawing clear of the edges")
	p.stroke(140, 140, 140, 400)
	p.run(chromedp.WaitVisible("#draw-edge", chromedp.ByQuery))
	assert.Equal(t, "Part of it runs off the box: only what is inside is read.", p.text("#draw-edge"))
	assert.Contains(t, p.text("#reading"), ". Part of it runs off the box: only what is inside is read.")
	assert.Contains(t, p.text("#draw-status"), "Part of it runs off the box")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitNotPresent("#draw-edge", chromedp.ByQuery))
	assert.NotContains(t, p.text("#reading"), "runs off the box")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitVisible("#results-empty", chromedp.ByQuery))
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
	// the focus stays on Undo, shown disabled by the last undo, where a
	// key pressed once too often does nothing (the focus went to Clear,
	// which it pressed, and Redo's steps were lost).
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
	assert.Equal(t, "undo", focused, "the focus stays")
	p.run(chromedp.KeyEvent(kb.Enter))
	now, _ = p.canvas()
	assert.Equal(t, blank, now, "Enter again does nothing")

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
	// Once more from the keyboard: nothing is cleared, and Redo still
	// has its ten steps.
	p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	assert.Equal(t, "undo", focused, "the focus stays on Undo")
	p.run(chromedp.KeyEvent(kb.Enter))
	now, _ = p.canvas()
	assert.Equal(t, second, now, "Enter once too often takes nothing back, nor clears")
	var ahead string
	p.run(chromedp.Evaluate(`document.getElementById("redo").getAttribute("aria-disabled")`, &ahead))
	assert.Equal(t, "false", ahead, "Redo's steps kept")
}
