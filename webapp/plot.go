package webapp

import (
	"fmt"
	"math"
	"strings"
)

// curveColours are the curves' colours, by name.
var curveColours = map[string]string{
	CurveInput:  "#8a8f9c",
	CurveMedian: "#d9822b",
	CurveSeed:   "#2f5bd3",
	CurveStrong: "#1e9646",
}

// PlotWidth and PlotHeight are the plot's size in SVG units, and in CSS
// pixels at its largest on the page, which keeps room of that shape for it
// while it is computed, so that nothing under it moves when it comes.
const PlotWidth, PlotHeight = 640, 250

// The plot's layout, in SVG units: two panels side by side, each with its
// axes, and a legend below.
const (
	panelW, panelH     = 250, 160
	panelTop           = 20
	panelLeft0, panel1 = 50, 370
)

// SVG draws the curves as an SVG image: PSNR (dB) and the reader's
// confidence (%) against the noise amount, one line per denoiser, and the
// amount now chosen as a vertical line. The page shows it as an image.
func (c *Curves) SVG(current float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="11">`, PlotWidth, PlotHeight, PlotWidth, PlotHeight)
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>`)
	panel := func(left int, title string, lo, hi float64, ticks []float64, unit string, value func(Curve, int) float64) {
		x := func(a float64) float64 { return float64(left) + a*panelW }
		y := func(v float64) float64 { return panelTop + (1-(v-lo)/(hi-lo))*panelH }
		fmt.Fprintf(&b, `<text x="%d" y="12" font-weight="bold">%s</text>`, left, title)
		for _, t := range ticks {
			fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e3e5ea"/>`, left, left+panelW, y(t), y(t))
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" fill="#5b6275">%g%s</text>`, left-4, y(t)+4, t, unit)
		}
		for _, a := range []float64{0, 0.5, 1} {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#5b6275">%g</text>`, x(a), panelTop+panelH+14, a)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#5b6275">noise amount</text>`, x(0.5), panelTop+panelH+28)
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#1d2230" stroke-dasharray="3 3"/>`, x(current), x(current), panelTop, panelTop+panelH)
		for _, cv := range c.Curves {
			var pts []string
			for i, a := range c.Amounts {
				v := min(max(value(cv, i), lo), hi)
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(a), y(v)))
			}
			fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, curveColours[cv.Name], strings.Join(pts, " "))
		}
	}
	panel(panelLeft0, "PSNR against the clean digit", 0, maxPlotPSNR, []float64{0, 10, 20, 30, 40}, " dB", func(cv Curve, i int) float64 { return plotPSNR(cv.PSNR[i]) })
	panel(panel1, fmt.Sprintf("the reader's confidence that it is a %d", c.Digit), 0, 100, []float64{0, 25, 50, 75, 100}, " %", func(cv Curve, i int) float64 { return 100 * cv.Confidence[i] })
	for i, cv := range c.Curves {
		x := panelLeft0 + i*150
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d">%s</text>`,
			x, x+18, PlotHeight-8, PlotHeight-8, curveColours[cv.Name], x+24, PlotHeight-4, cv.Label)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Summary says in words what the plot shows at its point nearest the
// amount chosen, for those who cannot see it (the image's text
// alternative); it names the amount chosen when that is between points.
func (c *Curves) Summary(current float64) string {
	i := int(current*float64(len(c.Amounts)-1) + 0.5)
	i = min(max(i, 0), len(c.Amounts)-1)
	var parts []string
	for _, cv := range c.Curves {
		parts = append(parts, fmt.Sprintf("%s %.1f dB, %.0f %%", cv.Label, plotPSNR(cv.PSNR[i]), 100*cv.Confidence[i]))
	}
	at := fmt.Sprintf("at %.1f", c.Amounts[i])
	if math.Abs(current-c.Amounts[i]) > 1e-9 {
		at = fmt.Sprintf("at %.1f, the plot's point nearest the amount chosen (%.2f)", c.Amounts[i], current)
	}
	return fmt.Sprintf("PSNR and the reader's confidence that it is a %d against the noise amount; %s: %s", c.Digit, at, strings.Join(parts, "; "))
}
