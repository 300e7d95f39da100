package e2e

import (
	"fmt"
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
	// The code's heat maps in two rows of four, a unit's pixel wide enough
	// to tap (in one row of eight, 9 px).
	var unit float64
	p.run(chromedp.Poll(`(i => i.complete && i.naturalWidth > 0)(document.getElementById("latent"))`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`(i => i.getBoundingClientRect().width / i.naturalWidth)(document.getElementById("latent"))`, &unit))
	assert.GreaterOrEqual(t, unit, 16.0, "CSS px to a unit of the code on the heat maps at 390 px")
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
	// On through the row, the digit picked is in sight each time, with
	// its focus ring: not in the row's fade (its last tenth), nor cut by
	// its edges (the row only caught up at the next key).
	for i := 1; i < 30; i++ {
		var hidden string
		p.run(chromedp.KeyEvent(kb.ArrowRight), chromedp.WaitVisible(fmt.Sprintf(`#sample-%d[aria-pressed="true"]`, i), chromedp.ByQuery),
			chromedp.Evaluate(`(() => {
				const e = document.activeElement, r = e.getBoundingClientRect(), row = e.parentElement.getBoundingClientRect(),
					ring = parseFloat(getComputedStyle(e).outlineWidth) + parseFloat(getComputedStyle(e).outlineOffset);
				return r.left - ring >= row.left && r.right + ring <= row.left + 0.9 * row.width && r.top - ring >= row.top && r.bottom + ring <= row.bottom
					? "" : e.id + " at " + [r.left, r.right, r.top, r.bottom].map(Math.round) + " in " + [row.left, row.right, row.top, row.bottom].map(Math.round);
			})()`, &hidden))
		assert.Empty(t, hidden, "the digit picked out of sight")
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
	// Before anything is drawn, what will show there is said beside the
	// buttons (it went under them, and the column of buttons looked lost).
	var blankPad []float64
	p.run(chromedp.Evaluate(`[document.getElementById("clear").getBoundingClientRect().right, document.getElementById("draw-preview").getBoundingClientRect().left]`, &blankPad))
	require.Len(t, blankPad, 2)
	assert.Greater(t, blankPad[1], blankPad[0], "the blank pad's words beside Clear")
	p.stroke(100, 60, 160, 220)
	p.run(chromedp.WaitVisible("#draw-preview-reading", chromedp.ByQuery))
	var drawn []float64
	p.run(chromedp.Evaluate(`["draw-preview-reading", "clear", "draw-canvas"].map(id => document.getElementById(id).getBoundingClientRect().bottom)`, &drawn))
	require.Len(t, drawn, 3)
	assert.LessOrEqual(t, drawn[0], 844.0, "the drawn digit's reading on the first screen at 390×844")
	assert.LessOrEqual(t, drawn[1], 844.0, "and Clear")
	assert.Greater(t, drawn[1], drawn[2], "Clear under the canvas")
	// Clear and Undo as high as a finger's target (they were 40 px).
	var buttons []float64
	p.run(chromedp.Evaluate(`["clear", "undo", "redo"].map(id => document.getElementById(id).getBoundingClientRect().height)`, &buttons))
	for i, h := range buttons {
		assert.GreaterOrEqual(t, h, 44.0, "%s's height", []string{"Clear", "Undo", "Redo"}[i])
	}
	p.b.screenshot(t, "phone-draw")
	// A stroke run off the box: the note comes under the preview, and
	// the reading stays beside the buttons, on the first screen (the
	// note's line widened the preview, which went under them).
	p.stroke(140, 140, 140, 400)
	p.run(chromedp.WaitVisible("#draw-edge", chromedp.ByQuery))
	var edged []float64
	p.run(chromedp.Evaluate(`["draw-preview-reading", "draw-edge", "clear"].flatMap(id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.bottom, r.left, r.top]; })`, &edged))
	require.Len(t, edged, 9)
	assert.LessOrEqual(t, edged[0], 844.0, "the reading on the first screen with the note")
	var marked bool
	p.run(chromedp.Evaluate(`document.getElementById("draw-canvas").classList.contains("off-edge") && getComputedStyle(document.getElementById("draw-canvas")).boxShadow !== "none"`, &marked))
	assert.True(t, marked, "the canvas's edge marked, on the first screen where the note under the preview is not")
	assert.Greater(t, edged[1], edged[7], "the reading beside Clear, not under it")
	p.run(chromedp.Click("#undo", chromedp.ByQuery), chromedp.WaitNotPresent("#draw-edge", chromedp.ByQuery))
	// And on a 360×780 phone (a touch screen: no hint for keys), the
	// preview beside Clear still (it went under it).
	var narrow []float64
	p.run(chromedp.EmulateViewport(360, 780, chromedp.EmulateTouch), chromedp.Evaluate(`scrollTo(0, 0), ["draw-preview-reading", "clear", "draw-preview"].flatMap(id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.bottom, r.left, r.top]; })`, &narrow),
		chromedp.EmulateViewport(390, 844))
	require.Len(t, narrow, 9)
	assert.LessOrEqual(t, narrow[0], 780.0, "the drawn digit's reading on the first screen at 360×780")
	assert.Greater(t, narrow[7], narrow[4], "the preview beside Clear")
	assert.LessOrEqual(t, narrow[8], narrow[5], "the preview's top as high as Clear's")
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
	// On a phone 360×780 the denoised digit is on the first screen too,
	// three quarters of it at least (it began 6 px above the screen's
	// foot); and whole on a phone's screen as its browser's bars leave it
	// (an iPhone's 390×664 in Safari, 375×667, 360×672), where up to
	// 100 px of it were under the foot.
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	for _, size := range [][2]int64{{360, 780}, {390, 664}, {375, 667}, {360, 672}} {
		var short []float64
		p.run(chromedp.EmulateViewport(size[0], size[1], chromedp.EmulateTouch),
			chromedp.Evaluate(`scrollTo(0, 0), (r => [r.top, r.height])(document.getElementById("dae-output").getBoundingClientRect())`, &short))
		require.Len(t, short, 2)
		if size[1] > 700 {
			assert.LessOrEqual(t, short[0]+0.75*short[1], float64(size[1]), "three quarters of the denoised digit on the first screen at %v", size)
		} else {
			assert.LessOrEqual(t, short[0]+short[1], float64(size[1]), "the denoised digit on the first screen at %v", size)
		}
	}
	p.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch))
	// A button tapped does not stay marked as the pointer's (:hover, which
	// a touch screen leaves on the last thing tapped, looked chosen).
	var edges []string
	p.run(chromedp.Click("#reroll", chromedp.ByQuery),
		chromedp.Evaluate(`["reroll", "walk-set-A"].map(id => getComputedStyle(document.getElementById(id)).borderTopColor)`, &edges))
	require.Len(t, edges, 2)
	assert.Equal(t, edges[1], edges[0], "the tapped button's edge, as another's")
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

	// A finger's swipe up from the picture scrolls the page, as it does
	// anywhere else (the picture took it for a box too small to hold a
	// digit, said so in red, and the page stayed).
	// From the top of the picture (a third of the way down its frame,
	// where its own coordinates stop going up), the thumb's arc drifting
	// 9 px across in its first 24.
	for _, down := range []bool{false, true} {
		var scrolled float64
		var pic []float64
		p.run(chromedp.Evaluate(`scrollY`, &scrolled),
			chromedp.Evaluate(`(r => [r.left + r.width / 2, r.top + r.height / 3])(document.getElementById("picture-frame").getBoundingClientRect())`, &pic))
		sign := -1.0
		if down {
			sign = 1 // and back down
		}
		way := [][2]float64{{pic[0], pic[1]}}
		for dy := 6.0; dy <= 120; dy += 6 {
			way = append(way, [2]float64{pic[0] + min(dy, 24)*9/24, pic[1] + sign*dy})
		}
		p.swipe(way...)
		var after float64
		p.run(chromedp.Evaluate(`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY))))`, &after, awaitPromise))
		assert.InDelta(t, scrolled-sign*120, after, 1, "the page scrolled as far as the finger went (down %v)", down)
		var said string
		p.run(chromedp.Evaluate(`document.getElementById("message")?.textContent ?? ""`, &said))
		assert.Empty(t, said, "nothing said of a box, two frames after")
	}
	// Two fingers may zoom the page there, to box a small digit (the
	// picture took every touch): the style sheet's rule, read back.
	var gestures string
	p.run(chromedp.Evaluate(`getComputedStyle(document.getElementById("picture-frame")).touchAction`, &gestures))
	assert.Equal(t, "pinch-zoom", gestures, "the touches the browser keeps on the picture")
	// Held sideways, the picture is in the result's column, which scrolls
	// within itself: a swipe up scrolls it to its foot, and the page the
	// rest of the way.
	var column struct{ X, Y, Room, Page float64 }
	p.run(chromedp.EmulateViewport(844, 390, chromedp.EmulateTouch), chromedp.Evaluate(`(() => {
		scrollTo(0, 0);
		const c = document.getElementById("results"), r = document.getElementById("picture-frame").getBoundingClientRect();
		c.scrollTop = 0;
		return {x: r.left + r.width / 2, y: r.top + r.height / 3, room: c.scrollHeight - c.clientHeight, page: document.documentElement.scrollHeight - innerHeight};
	})()`, &column))
	require.Greater(t, column.Room, 0.0, "the column scrolls")
	way := min(column.Room+100, column.Room+column.Page)
	swipe := [][2]float64{{column.X, column.Y}}
	for dy := 6.0; dy < way; dy += max(6, dy) { // in steps growing once it is known as a swipe
		swipe = append(swipe, [2]float64{column.X, column.Y - dy})
	}
	p.swipe(append(swipe, [2]float64{column.X, column.Y - way})...)
	var went []float64
	p.run(chromedp.Evaluate(`[document.getElementById("results").scrollTop, scrollY]`, &went), chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch))
	require.Len(t, went, 2)
	assert.InDelta(t, column.Room, went[0], 1, "the column scrolled to its foot")
	assert.InDelta(t, way-column.Room, went[1], 1, "and the page the rest")
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

	// At 320 px (a 1280 px screen at 400 %) with the text spaced out as
	// WCAG's 1.4.12 has it (set on each element: the page's CSP refuses a
	// style sheet of the test's), nothing is wider than the page (the
	// noise's list was, by 11 px).
	var spaced struct{ Wide, Screen float64 }
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitVisible("#noise-kind", chromedp.ByQuery), chromedp.EmulateViewport(320, 640),
		chromedp.Evaluate(`(() => {
			const all = [...document.querySelectorAll("body *")];
			for (const e of all) Object.assign(e.style, {lineHeight: "1.5", letterSpacing: "0.12em", wordSpacing: "0.16em"});
			for (const e of document.querySelectorAll("p")) e.style.marginBottom = "2em";
			const seen = {wide: document.documentElement.scrollWidth, screen: innerWidth};
			for (const e of all) for (const k of ["lineHeight", "letterSpacing", "wordSpacing", "marginBottom"]) e.style[k] = "";
			return seen;
		})()`, &spaced))
	assert.LessOrEqual(t, spaced.Wide, spaced.Screen, "no sideways scrolling at 320 px with the text spaced out")

	// A phone held sideways: the draw pad fits the screen's height, so
	// that a whole digit is drawn without the page scrolling under the pen
	// (it was 280 px high on a 360 px screen).
	var pad, screen float64
	p.run(chromedp.EmulateViewport(740, 360), chromedp.Evaluate(`scrollTo(0, 0)`, nil), chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.WaitVisible("#draw-canvas", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("draw-canvas").getBoundingClientRect().height`, &pad), chromedp.Evaluate(`innerHeight`, &screen))
	assert.LessOrEqual(t, pad, 0.76*screen, "the draw pad's height on a 740×360 screen")
	// And the tab's tap brings the pad and its buttons up onto the screen
	// (the page's top and the tabs filled it, the pad's top at 310 px),
	// once the page has scrolled, smoothly, as far as needed.
	var sight struct{ Top, Bottom, Screen float64 }
	p.run(chromedp.Evaluate(`new Promise(done => {
		let was = -1, checks = 0; // the same scroll 200 ms apart, or 3 s gone
		const check = () => scrollY > 0 && scrollY === was || ++checks > 15
			? done({top: document.getElementById("draw-canvas").getBoundingClientRect().top, bottom: document.getElementById("clear").getBoundingClientRect().bottom, screen: innerHeight})
			: (was = scrollY, setTimeout(check, 200));
		check();
	})`, &sight, awaitPromise))
	assert.True(t, sight.Top >= 0 && sight.Bottom <= sight.Screen, "the canvas and its buttons on the screen: %+v", sight)
	assert.True(t, sight.Top <= 9 || sight.Bottom >= sight.Screen-9, "scrolled no further than needed (8 px to spare): %+v", sight)
	// The result, beside it, stays in view while the page scrolls past
	// where it starts, to the pad's foot: as high as the screen at most,
	// the rest of it scrolling within it.
	var stuck struct {
		Scrolled, Start, Top, Bottom, Screen float64
		Within                               bool
	}
	p.run(chromedp.Evaluate(`(() => {
		scrollTo(0, 0);
		const results = document.getElementById("results"), start = results.getBoundingClientRect().top;
		document.getElementById("draw-canvas").scrollIntoView({block: "end"});
		const r = results.getBoundingClientRect();
		return {scrolled: scrollY, start: start, top: r.top, bottom: r.bottom, screen: innerHeight, within: results.scrollHeight > results.clientHeight};
	})()`, &stuck))
	assert.Greater(t, stuck.Scrolled, stuck.Start, "the page scrolled past where the result starts")
	assert.InDelta(t, 0, stuck.Top, 1, "the result kept at the screen's top")
	assert.LessOrEqual(t, stuck.Bottom, stuck.Screen, "the result no higher than the screen")
	assert.True(t, stuck.Within, "the rest of the result scrolls within it")
	p.b.screenshot(t, "sideways-draw")
	// A dot drawn anew: why it is not a digit yet is said beside the pad,
	// on the first screen (the pad's own words, under Clear, came under
	// its foot).
	var said struct {
		Top, Bottom, Screen float64
		Text                string
	}
	p.run(chromedp.Click("#clear", chromedp.ByQuery), chromedp.WaitNotPresent("#dae-output", chromedp.ByQuery))
	p.stroke(100, 100, 101, 101)
	p.run(chromedp.Poll(`(e => e && !e.textContent.startsWith("Draw a digit"))(document.getElementById("results-empty"))`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`scrollTo(0, 0), (e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, screen: innerHeight, text: e.textContent}; })(document.getElementById("results-empty"))`, &said))
	assert.Contains(t, said.Text, "not a digit yet")
	assert.GreaterOrEqual(t, said.Top, 0.0, "the note beside the pad, on the first screen: %q", said.Text)
	assert.LessOrEqual(t, said.Bottom, said.Screen, "the note beside the pad, on the first screen: %q", said.Text)
	// And the result is beside the input, on the first screen (one above
	// the other, it came a screen and a half down), its tiles and code
	// within the column, however narrow (no sideways scrolling).
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitVisible("#dae-output", chromedp.ByQuery))
	// From 900 px wide, rules for wide screens put the numbers beside the
	// code's map, which the column crushed (20 px wide at 932×430). So on
	// a laptop's browser window (1366×650, 1024×700, 900×700), where one above the
	// other the digit reader's words came under the screen's foot: they
	// come on the first screen too.
	for _, size := range [][2]int64{{740, 360}, {667, 375}, {932, 430}, {1280, 480}, {1366, 650}, {1024, 700}, {900, 700}} {
		var sideways struct {
			Bottom, Words, Screen, Map float64
			VerdictAbove               bool
			Beside, Wide, TabsInARow   bool
			Scrolls                    bool
			Stop                       string
			Covered                    []string
		}
		p.run(chromedp.EmulateViewport(size[0], size[1]), chromedp.Evaluate(`(() => {
			scrollTo(0, 0);
			const o = document.getElementById("dae-output").getBoundingClientRect(), g = document.getElementById("tab-panel").getBoundingClientRect();
			const results = document.getElementById("results");
			const seen = {bottom: o.bottom, words: document.getElementById("reading").getBoundingClientRect().bottom, screen: innerHeight, beside: o.left >= g.right,
				wide: document.documentElement.scrollWidth > innerWidth || results.scrollWidth > results.clientWidth,
				map: document.querySelector(".latent-map").getBoundingClientRect().width,
				verdictAbove: document.getElementById("reading").getBoundingClientRect().bottom <= document.getElementById("model-input").getBoundingClientRect().top,
				tabsInARow: new Set(["tab-gallery", "tab-upload", "tab-draw"].map(id => document.getElementById(id).getBoundingClientRect().top)).size === 1,
				scrolls: results.scrollHeight > results.clientHeight};
			// The sections under the input and its result, scrolled to, are
			// not under the result kept in view (it lay over them, its
			// buttons out of reach).
			seen.covered = ["#plot-panel summary", "#walk-set-A", "#walk-set-B", "#weights-file"].flatMap(q => {
				const e = document.querySelector(q);
				if (!e) return [q + " missing"];
				e.scrollIntoView({block: "center"});
				const r = e.getBoundingClientRect(), at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return e.contains(at) ? [] : [q + " under #" + at?.closest("[id]")?.id];
			});
			return seen;
		})()`, &sideways))
		assert.True(t, sideways.Beside, "the denoised digit beside the samples at %v", size)
		assert.LessOrEqual(t, sideways.Bottom, sideways.Screen, "the denoised digit on the first screen at %v", size)
		if size[1] >= 600 {
			assert.LessOrEqual(t, sideways.Words, sideways.Screen, "the digit reader's words on the first screen at %v", size)
		}
		assert.False(t, sideways.Wide, "no sideways scrolling at %v, of the page or the result's column", size)
		assert.True(t, sideways.TabsInARow, "the three tabs in one row at %v (the third went to a second)", size)
		assert.True(t, sideways.VerdictAbove, "the reader's verdict above the tiles at %v", size)
		assert.Greater(t, sideways.Map, 280.0, "the code's map across the column at %v", size)
		assert.Empty(t, sideways.Covered, "controls covered at %v", size)
		// The column scrolls within itself: a stop of the Tab key, from
		// which the keys scroll it (they scrolled the page only).
		assert.True(t, sideways.Scrolls, "the result's column scrolls at %v", size)
		// The window's resize event comes after a frame.
		p.run(chromedp.Evaluate(within(time.Second, `document.getElementById("results").getAttribute("tabindex") ?? "none"`, `v === "0"`), &sideways.Stop, awaitPromise))
		assert.Equal(t, "0", sideways.Stop, "the result's column a stop of the Tab key at %v", size)
	}
	// A new digit picked while the result's column was scrolled to its
	// heat maps: the column comes back to its top, the new tiles in sight
	// (they were left above it).
	var scrolled, back float64
	p.run(chromedp.Evaluate(`scrollTo(0, 0), (r => (r.scrollTop = r.scrollHeight, r.scrollTop))(document.getElementById("results"))`, &scrolled))
	require.Greater(t, scrolled, 100.0, "the column scrolled down")
	before = p.src("#dae-output")
	p.run(chromedp.Click("#sample-6", chromedp.ByQuery))
	p.changed("#dae-output", before)
	p.run(chromedp.Evaluate(`document.getElementById("results").scrollTop`, &back))
	assert.Zero(t, back, "the result's column at its top after a new digit")
	p.b.screenshot(t, "walk-560")
	var paged float64
	p.run(chromedp.Evaluate(`scrollTo(0, 0), document.getElementById("results").focus()`, nil), chromedp.KeyEvent(kb.PageDown),
		chromedp.Evaluate(within(2*time.Second, `document.getElementById("results").scrollTop`, `v > 100`), &paged, awaitPromise))
	assert.Greater(t, paged, 100.0, "Page Down scrolls the result's column")
	// A control the focus comes to at the screen's foot is scrolled into
	// sight with its ring (the ring's lower side was cut at 640×400, as at
	// 200 % zoom).
	var ring struct {
		Bottom, Screen float64
		ID             string
	}
	p.run(chromedp.EmulateViewport(640, 400), chromedp.Evaluate(`(() => {
		scrollTo(0, 0);
		const e = document.getElementById("noise-kind");
		scrollTo(0, e.getBoundingClientRect().bottom + scrollY - innerHeight + 1); // its foot just under the screen's
		document.querySelector("#gallery [tabindex='0']").focus({preventScroll: true}); // the stop before it
	})()`, nil), chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`(() => {
		const e = document.activeElement, s = getComputedStyle(e);
		return {bottom: e.getBoundingClientRect().bottom + parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset), screen: innerHeight, id: e.id};
	})()`, &ring))
	assert.Equal(t, "noise-kind", ring.ID, "the stop after the gallery")
	assert.LessOrEqual(t, ring.Bottom, ring.Screen+0.5, "the focus ring of a control at the screen's foot in sight (the page scrolls by whole pixels)")
	// Another tab whose result is short is no stop (measured after its
	// render, with no resize: it kept the gallery's stop).
	var stop string
	p.run(chromedp.Click("#tab-draw", chromedp.ByQuery), chromedp.Evaluate(within(2*time.Second, `document.getElementById("results").getAttribute("tabindex") ?? "none"`, `v === "none"`), &stop, awaitPromise))
	assert.Equal(t, "none", stop, "the draw tab's short result no stop of the Tab key, after its render")
	assert.Empty(t, p.b.consoleErrors())
}
