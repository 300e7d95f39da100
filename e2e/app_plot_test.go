package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// TestApp's subtest of the plot: the curves as the noise grows.

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
	// The mark: a line over each panel at the amount, 0.5, the panel's
	// height, in the page's ink; the narrow layout's hidden.
	var marks [][]float64
	p.run(chromedp.Evaluate(`(() => { const p = document.getElementById("plot").getBoundingClientRect();
		return [...document.querySelectorAll(".plot-mark")].map(m => { const r = m.getBoundingClientRect(); return r.width ? [(r.left + r.right) / 2 - p.left, r.top - p.top, r.height].map(v => v / p.width * `+fmt.Sprint(webapp.WidePlot.Width)+`) : [] }) })()`, &marks))
	require.Len(t, marks, 4, "two lines a layout")
	for i, m := range webapp.WidePlot.Mark(0.5) {
		require.Len(t, marks[i], 3, "the wide layout's are shown")
		assert.InDelta(t, m.X, marks[i][0], 1, "the line's place, in the plot's units")
		assert.InDelta(t, m.Top, marks[i][1], 1)
		assert.InDelta(t, m.Height, marks[i][2], 1)
	}
	assert.Equal(t, [][]float64{{}, {}}, marks[2:], "the narrow layout's are not")
	var inked bool
	p.run(chromedp.Evaluate(`getComputedStyle(document.querySelector(".plot-mark")).borderLeftColor === getComputedStyle(document.body).color`, &inked))
	assert.True(t, inked, "the mark in the page's ink")

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
