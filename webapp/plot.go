package webapp

import (
	"fmt"
	"image"
	"math"
	"strings"
)

// curveStyles are the curves' colours and dash patterns, by name: the
// lines differ by their dashes too, for those who do not tell the colours
// apart.
var curveStyles = map[string]struct{ colour, dashes string }{
	CurveInput:  {"#8a8f9c", "8 3 2 3"},
	CurveMedian: {"#c26a17", "2 2"}, // 3.9:1 on white (the lighter orange was 2.9)
	CurvePlain:  {"#a23bb5", "12 3 2 3 2 3"},
	CurveSeed:   {"#2f5bd3", "8 3"},
	CurveStrong: {"#1e9646", ""}, // solid
}

// stroke is the SVG attributes that draw a line of curve name, width wide.
func stroke(name string, width float64) string {
	st := curveStyles[name]
	a := fmt.Sprintf(`stroke="%s" stroke-width="%g"`, st.colour, width)
	if st.dashes != "" {
		a += fmt.Sprintf(` stroke-dasharray="%s"`, st.dashes)
	}
	return a
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
// reader's confidence (%) against the noise amount, one line per denoiser,
// and the amount now chosen as a vertical line. The page shows it as an
// image.
func (c *Curves) SVG(current float64, l PlotLayout) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="12">`, l.Width, l.Height, l.Width, l.Height)
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>`)
	panel := func(at image.Point, title string, lo, hi float64, ticks []float64, unit string, value func(Curve, int) float64) {
		left, top := at.X, at.Y
		x := func(a float64) float64 { return float64(left) + a*panelW }
		y := func(v float64) float64 { return float64(top) + (1-(v-lo)/(hi-lo))*panelH }
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">%s</text>`, left, top-8, title)
		for _, t := range ticks {
			fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e3e5ea"/>`, left, left+panelW, y(t), y(t))
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" fill="#5b6275">%g%s</text>`, left-4, y(t)+4, t, unit)
		}
		for _, a := range []float64{0, 0.5, 1} {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#5b6275">%g</text>`, x(a), top+panelH+14, a)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#5b6275">noise amount</text>`, x(0.5), top+panelH+28)
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#1d2230"/>`, x(current), x(current), top, top+panelH)
		for _, cv := range c.Curves {
			var pts []string
			for i, a := range c.Amounts {
				v := min(max(value(cv, i), lo), hi)
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(a), y(v)))
			}
			fmt.Fprintf(&b, `<polyline fill="none" %s points="%s"/>`, stroke(cv.Name, 2), strings.Join(pts, " "))
		}
	}
	panel(l.panels[0], "PSNR against the clean digit", 0, maxPlotPSNR, []float64{0, 10, 20, 30, 40}, " dB", func(cv Curve, i int) float64 { return plotPSNR(cv.PSNR[i]) })
	panel(l.panels[1], "the reader's confidence that it is "+aDigit(c.Digit), 0, 100, []float64{0, 25, 50, 75, 100}, " %", func(cv Curve, i int) float64 { return 100 * cv.Confidence[i] })
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

// summaryPSNR is p in words: the plot draws values over maxPlotPSNR (an
// identical picture's is infinite) at its top, which its words say.
func summaryPSNR(p float64) string {
	if p >= maxPlotPSNR {
		return fmt.Sprintf("%.0f dB or more", maxPlotPSNR)
	}
	return fmt.Sprintf("%.1f dB", p)
}

// PlotTable is the plot's numbers as text: what its cells hold (Caption),
// a header (the amount, then each curve's name) and a row for each amount.
type PlotTable struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Table is the plot's numbers, for those who read numbers rather than see
// lines (and for a screen reader, which cannot see into the plot's
// picture): each cell a curve's PSNR and the reader's confidence at an
// amount.
func (c *Curves) Table() PlotTable {
	t := PlotTable{
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
