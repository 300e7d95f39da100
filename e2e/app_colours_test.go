package e2e

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestApp's subtest of the page's colours: light, dark and forced.

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
	// The plot's mark in the ink of the plot's picture, which forced
	// colours leave as it is drawn (it was the picture's, once).
	var mark []string
	p.run(chromedp.WaitVisible(".plot-mark", chromedp.ByQuery),
		chromedp.Evaluate(`[getComputedStyle(document.querySelector(".plot-mark")).borderLeftColor, getComputedStyle(document.body).getPropertyValue("--ink")]`, &mark))
	assert.Equal(t, "rgb(29, 34, 48)", mark[0], "forced colours: the plot's mark in the picture's ink, %s", mark[1])
	p.b.screenshot(t, "forced-colours")
}
