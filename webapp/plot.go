package webapp

import (
	"fmt"
	"image"
	"math"
	"strings"
)

// curveStyles are the curves' colours on the light and the dark page, and
// dash patterns, by name: the lines differ by their dashes too, for those
// who do not tell the colours apart. Each colour is at least 3:1 against
// its plot's background (WCAG 1.4.11; TestPlotColours).
var curveStyles = map[string]struct{ class, light, dark, dashes string }{
	CurveInput:  {"input", "#8a8f9c", "#9aa0ad", "8 3 2 3"},
	CurveMedian: {"median", "#c26a17", "#e8913f", "2 2"},
	CurvePlain:  {"plain", "#a23bb5", "#d27be3", "12 3 2 3 2 3"},
	CurveSeed:   {"seed", "#2f5bd3", "#86a4ff", "8 3"},
	CurveStrong: {"strong", "#1e9646", "#3fbf6a", ""}, // solid
}

// plotPalette is the colours of the plot's parts but its curves.
type plotPalette struct{ background, text, muted, grid string }

// The plot's palettes: on the page's card (web/style.css's --card, --ink,
// --muted) in its light and its dark scheme. The SVG is drawn in the
// light one and carries a style that takes the dark one where the browser
// asks for a dark page, as an SVG image follows the page's scheme.
var (
	lightPlot = plotPalette{background: "#ffffff", text: "#1d2230", muted: "#5b6275", grid: "#e3e5ea"}
	darkPlot  = plotPalette{background: "#1d2028", text: "#e4e6ec", muted: "#a4abbb", grid: "#343845"}
)

// stroke is the SVG attributes that draw a line of curve name, width wide.
func stroke(name string, width float64) string {
	st := curveStyles[name]
	a := fmt.Sprintf(`class="%s" stroke="%s" stroke-width="%g"`, st.class, st.light, width)
	if st.dashes != "" {
		a += fmt.Sprintf(` stroke-dasharray="%s"`, st.dashes)
	}
	return a
}

// darkStyle is the SVG's style sheet that draws it in darkPlot's colours
// on a dark page (a style sheet's rules take over from the presentation
// attributes the light colours are given in).
func darkStyle() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<style>@media (prefers-color-scheme: dark) { .bg { fill: %s } text { fill: %s } text.muted { fill: %s } .grid { stroke: %s }`,
		darkPlot.background, darkPlot.text, darkPlot.muted, darkPlot.grid)
	for _, name := range []string{CurveInput, CurveMedian, CurvePlain, CurveSeed, CurveStrong} {
		st := curveStyles[name]
		fmt.Fprintf(&b, ` .%s { stroke: %s }`, st.class, st.dark)
	}
	b.WriteString(` }</style>`)
	return b.String()
}

// PlotLayout is a shape of the plot: its size in SVG units, which is also
// its size in CSS pixels at its largest on the page (the page keeps room of
// that shape for it while it is computed, so that nothing under it moves
// when it comes), and where its two panels and its legend go.
type PlotLayout struct {
	Width, Height int
	panels        [2]image.Point // each panel's top left corner
	legendY       int            // the baseline of the legend's last row
	legendCols    int            // legend entries in a row, at most
}

// The plot's two shapes: its panels side by side, and, for a narrow
// screen (a phone), one above the other, so that its text is not shrunk
// to a third of its size there.
var (
	WidePlot   = PlotLayout{Width: 640, Height: 250, panels: [2]image.Point{{50, 20}, {370, 20}}, legendY: 246, legendCols: 4}
	NarrowPlot = PlotLayout{Width: 320, Height: 498, panels: [2]image.Point{{50, 20}, {50, 240}}, legendY: 492, legendCols: 2}
)

// The size of a panel, in SVG units.
const panelW, panelH = 250, 160

// SVG draws the curves as an SVG image in layout l: PSNR (dB) and the
// reader's confidence (%) against the noise amount, one line per denoiser.
// The page shows it as an image, and the amount chosen as a line laid
// over it (Mark): the slider then moves a line rather than have a new
// image made and decoded at every step.
func (c *Curves) SVG(l PlotLayout) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="12" fill="%s">`, l.Width, l.Height, l.Width, l.Height, lightPlot.text)
	b.WriteString(darkStyle())
	fmt.Fprintf(&b, `<rect class="bg" width="100%%" height="100%%" fill="%s"/>`, lightPlot.background)
	panel := func(at image.Point, title string, lo, hi float64, ticks []float64, unit string, value func(Curve, int) float64) {
		left, top := at.X, at.Y
		x := func(a float64) float64 { return float64(left) + a*panelW }
		y := func(v float64) float64 { return float64(top) + (1-(v-lo)/(hi-lo))*panelH }
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">%s</text>`, left, top-8, title)
		for _, t := range ticks {
			fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, left+panelW, y(t), y(t), lightPlot.grid)
			fmt.Fprintf(&b, `<text class="muted" x="%d" y="%.1f" text-anchor="end" fill="%s">%g%s</text>`, left-4, y(t)+4, lightPlot.muted, t, unit)
		}
		for _, a := range []float64{0, 0.5, 1} {
			fmt.Fprintf(&b, `<text class="muted" x="%.1f" y="%d" text-anchor="middle" fill="%s">%g</text>`, x(a), top+panelH+14, lightPlot.muted, a)
		}
		fmt.Fprintf(&b, `<text class="muted" x="%.1f" y="%d" text-anchor="middle" fill="%s">noise amount</text>`, x(0.5), top+panelH+28, lightPlot.muted)
		for _, cv := range c.Curves {
			var pts []string
			for i, a := range c.Amounts {
				v := min(max(value(cv, i), lo), hi)
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(a), y(v)))
			}
			fmt.Fprintf(&b, `<polyline fill="none" %s points="%s"/>`, stroke(cv.Name, 2), strings.Join(pts, " "))
		}
	}
	panel(l.panels[0], "PSNR against the clean digit", 0, MaxPlotPSNR, []float64{0, 10, 20, 30, 40}, " dB", func(cv Curve, i int) float64 { return plotPSNR(cv.PSNR[i]) })
	panel(l.panels[1], "The reader's confidence that it is "+aDigit(c.Digit), 0, 100, []float64{0, 25, 50, 75, 100}, " %", func(cv Curve, i int) float64 { return 100 * cv.Confidence[i] })
	// The legend in as few rows as legendCols allows, as even as they can
	// be: five entries in rows of three and two rather than four and one.
	rows := (len(c.Curves) + l.legendCols - 1) / l.legendCols
	cols := (len(c.Curves) + rows - 1) / max(rows, 1)
	for i, cv := range c.Curves {
		x, y := l.panels[0].X+(i%cols)*150, l.legendY-18*(rows-1-i/cols)
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" %s/><text x="%d" y="%d">%s</text>`,
			x, x+22, y-4, y-4, stroke(cv.Name, 3), x+28, y, cv.Label)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// PlotMark is a line of the amount chosen on the plot, in the SVG's units:
// upright at X, from Top down Height.
type PlotMark struct{ X, Top, Height float64 }

// Mark is where the line of the amount chosen, current, runs in each of
// layout l's panels. The page lays them over the plot's picture (SVG),
// in the page's ink colour (web/style.css's .plot-mark).
func (l PlotLayout) Mark(current float64) [2]PlotMark {
	var m [2]PlotMark
	for i, at := range l.panels {
		m[i] = PlotMark{X: float64(at.X) + current*panelW, Top: float64(at.Y), Height: panelH}
	}
	return m
}

// summaryPSNR is p in words: the plot draws values over MaxPlotPSNR (an
// identical picture's is infinite) at its top, which its words say.
func summaryPSNR(p float64) string {
	if p >= MaxPlotPSNR {
		return fmt.Sprintf("%.0f dB or more", MaxPlotPSNR)
	}
	return fmt.Sprintf("%.1f dB", p)
}

// Table is numbers a picture shows, as text, for those who read numbers
// rather than see colours or lines, and for a screen reader, which cannot
// see into a picture: what its cells hold (Caption), a header, and rows,
// each led by what it is of.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Table is the plot's numbers: a row for each amount, each cell a curve's
// PSNR and the reader's confidence at it.
func (c *Curves) Table() Table {
	t := Table{
		Caption: fmt.Sprintf("Each cell: PSNR against the clean digit, then the reader's confidence that it is %s.", aDigit(c.Digit)),
		Head:    []string{"noise amount"},
	}
	for _, cv := range c.Curves {
		t.Head = append(t.Head, cv.Label)
	}
	for i, a := range c.Amounts {
		row := []string{fmt.Sprintf("%.1f", a)}
		for _, cv := range c.Curves {
			row = append(row, fmt.Sprintf("%s · %.0f %%", summaryPSNR(cv.PSNR[i]), 100*cv.Confidence[i]))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Summary says in words what the plot shows at its point nearest the
// amount chosen, for those who cannot see it (the image's text
// alternative); it names the amount chosen when that is between points.
func (c *Curves) Summary(current float64) string {
	i := int(current*float64(len(c.Amounts)-1) + 0.5)
	i = min(max(i, 0), len(c.Amounts)-1)
	var parts []string
	for _, cv := range c.Curves {
		parts = append(parts, fmt.Sprintf("%s %s, %.0f %%", cv.Label, summaryPSNR(cv.PSNR[i]), 100*cv.Confidence[i]))
	}
	at := fmt.Sprintf("at %.1f", c.Amounts[i])
	if math.Abs(current-c.Amounts[i]) > 1e-9 {
		at = fmt.Sprintf("at %.1f, the plot's point nearest the amount chosen (%.2f)", c.Amounts[i], current)
	}
	return fmt.Sprintf("PSNR and the reader's confidence that it is %s against the noise amount; %s: %s", aDigit(c.Digit), at, strings.Join(parts, "; "))
}
