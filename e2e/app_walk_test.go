package e2e

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/webapp"
)

// TestApp's subtest of the walk through the code space and the nudge.

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
	// The unit typed is said, where it is (its label changes silently),
	// once the page has taken the input.
	said := "Unit 17: " + webapp.UnitName(17, want.Result.LatentShape) + "."
	p.run(chromedp.Poll(`document.getElementById("nudge-said")?.textContent === `+jsString(said), nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, said, p.text("#nudge-said"))
	// The heat maps as text, folded under them, are the engine's code.
	var cells [][]string
	p.run(chromedp.Click("#latent-numbers > summary", chromedp.ByQuery), chromedp.WaitVisible("#latent-table", chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll("#latent-table tr")].map(r => [...r.cells].map(c => c.textContent))`, &cells))
	sameCodeTable(t, want.Result.Latent, want.Result.LatentShape, cells, p.text("#latent-table-about"))
	before = p.src("#nudge-image")
	p.js(`(() => { const s = document.getElementById("nudge-amount"); s.value = "80"; s.dispatchEvent(new Event("input", {bubbles: true})) })()`)
	p.changed("#nudge-image", before)
	s.SetNudge(17, 0.8)
	sameImage(t, "unit 17 nudged", s.State().Walk.Nudged, p.src("#nudge-image"))
	sameReading(t, "unit 17 nudged", s.State().Walk.NudgedReading, p.text("#nudge-image-reading"))
	var level []float64
	p.run(chromedp.Evaluate(`["nudge-before-reading", "nudge-image-reading"].map(id => document.getElementById(id).getBoundingClientRect().top)`, &level))
	require.Len(t, level, 2)
	assert.Equal(t, level[0], level[1], "the two readings level, whatever their titles' lines")
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
			left, top, w, h := webapp.LatentUnitBox(want.Result.LatentShape, webapp.LatentColumns, u)
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
		left, top, w, h := webapp.LatentUnitBox(want.Result.LatentShape, webapp.LatentColumns, u)
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
	// And back up to the heat maps, for another unit.
	p.run(chromedp.Click("#nudge-back", chromedp.ByQuery),
		chromedp.Poll(`(() => { const r = document.getElementById("latent").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	var back string
	p.run(chromedp.Evaluate(`document.activeElement.id`, &back))
	assert.Equal(t, "latent", back, "the keyboard's place goes up too")
	p.b.screenshot(t, "walk")
}

// codeValue is how near the page's code's numbers, computed in wasm, are
// to the native engine's: Go fuses multiply-adds on some processors and
// not in wasm, so a number printed to two places may round either way,
// and two units nearly alike may swap as a map's largest.
const codeValue = 0.011

// sameCodeTable checks the code's table the page shows (its rows of cells,
// the header first, and the words above it) against the native code of
// that shape, within codeValue.
func sameCodeTable(t *testing.T, code []float32, s nn.Shape, cells [][]string, about string) {
	t.Helper()
	want := webapp.LatentTable(code, s)
	require.Len(t, cells, 1+len(want.Rows))
	assert.Equal(t, want.Head, cells[0])
	_, hi := webapp.LatentRange(code)
	n := s.H * s.W
	for c, row := range cells[1:] {
		require.Len(t, row, 4, "row %d", c)
		assert.Equal(t, want.Rows[c][0], row[0])
		ch := code[c*n : (c+1)*n]
		var v, mean float64
		var y, x, lit, of int
		_, err := fmt.Sscanf(row[1]+" "+row[2]+" "+row[3], "%f (%d, %d) %f %d of %d", &v, &y, &x, &mean, &lit, &of)
		require.NoError(t, err, "map %d: %q", c, row)
		top, sum, low, high := float32(0), float32(0), 0, 0
		for _, u := range ch {
			top, sum = max(top, u), sum+u
			if u > webapp.LatentLit*hi+codeValue {
				low++ // over the line however the page's numbers round
			}
			if u > webapp.LatentLit*hi-codeValue {
				high++
			}
		}
		assert.InDelta(t, top, v, codeValue, "map %d's largest", c)
		if assert.True(t, y >= 0 && y < s.H && x >= 0 && x < s.W, "map %d: %q", c, row) {
			assert.InDelta(t, top, ch[y*s.W+x], codeValue, "map %d: the unit said to be its largest is", c)
		}
		assert.InDelta(t, sum/float32(n), mean, codeValue, "map %d's mean", c)
		assert.Equal(t, n, of)
		assert.True(t, lit >= low && lit <= high, "map %d: %d lit, %d to %d natively", c, lit, low, high)
	}
	largest := regexp.MustCompile(`largest, (\d+\.\d+)`)
	m := largest.FindStringSubmatch(about)
	require.Len(t, m, 2, about)
	shown, _ := strconv.ParseFloat(m[1], 64)
	assert.InDelta(t, hi, shown, codeValue, "the code's largest, said")
	assert.Equal(t, largest.ReplaceAllString(want.Caption, "largest, #"), largest.ReplaceAllString(about, "largest, #"))
}
