//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// Plot shows, for the digit on the page, PSNR and the reader's confidence
// against the noise amount for the noisy input, the median filter and the
// two denoisers (webapp.Curves, drawn as SVG by Go), with the amount
// chosen marked. The curves come a moment after the result (the store
// computes them in small steps); until then the panel says so, in a box of
// the plot's aspect ratio and largest width, so that what is under it (the
// walk's buttons) does not move under a person's pointer when the plot
// comes. If they could not be computed, it says why instead.
type Plot struct {
	vecty.Core
	Curves *webapp.Curves `vecty:"prop"`
	Amount float64        `vecty:"prop"`
	Failed string         `vecty:"prop"` // webapp.State.PlotFailed
}

// busy says whether the curves are still being computed.
func (p *Plot) busy() bool { return p.Curves == nil && p.Failed == "" }

// status is what the panel says in the plot's place while there is none.
func (p *Plot) status() string {
	if p.Failed != "" {
		return sentence("the plot could not be drawn: "+p.Failed) + "."
	}
	return computing
}

// computing is what the panel says while the curves are computed.
const computing = "Computing the plot…"

// Render draws the plot, or a placeholder while it is computed.
func (p *Plot) Render() vecty.ComponentOrHTML {
	var body vecty.ComponentOrHTML
	if p.Curves == nil {
		body = elem.Paragraph(vecty.Markup(vecty.Class("status"), prop.ID("plot-status")), vecty.Text(p.status()))
	} else {
		wide, narrow := plotPictures(p.Curves)
		body = vecty.List{
			elem.Picture(
				elem.Source(vecty.Markup(vecty.Attribute("media", narrowScreen), vecty.Attribute("srcset", narrow))),
				elem.Image(vecty.Markup(prop.ID("plot"), prop.Src(wide), prop.Alt(p.Curves.Summary(p.Amount)), vecty.Class("plot"))),
			),
			marks(webapp.WidePlot, p.Amount, "wide"),
			marks(webapp.NarrowPlot, p.Amount, "narrow"),
		}
	}
	// The box's shape for each layout, which style.css picks with the
	// same media query as the picture's.
	shape := func(l webapp.PlotLayout) string { return fmt.Sprintf("%d / %d", l.Width, l.Height) }
	// While the curves are computed the panel is busy: a screen reader
	// waits for them rather than reading the placeholder, and is not told
	// of each new digit's plot as it comes (the result above is).
	return elem.Section(vecty.Markup(vecty.Class("panel", "plot-panel"), prop.ID("plot-panel"), vecty.MarkupIf(p.busy(), vecty.Attribute("aria-busy", "true"))),
		elem.Heading2(vecty.Text("As the noise grows")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("plot-about")), vecty.Text("This digit with the chosen kind of noise, from none to the most: on the left how close each picture is to the clean digit (PSNR, higher is closer), on the right how sure the digit reader is that it is this digit. PSNR is drawn up to "+fmt.Sprintf("%.0f", webapp.MaxPlotPSNR)+" dB, the top for any higher (the clean digit's own is infinite). The median 3×3, a classical filter (each pixel the median of its neighbours), and the plain autoencoder, never shown noise in training, are there to compare with; the thin upright line is the amount chosen above."+drawsNote(p.Curves))),
		elem.Div(vecty.Markup(vecty.Class("plot-box"),
			vecty.Style("--wide", shape(webapp.WidePlot)), vecty.Style("--wide-width", fmt.Sprintf("%dpx", webapp.WidePlot.Width)),
			vecty.Style("--narrow", shape(webapp.NarrowPlot)), vecty.Style("--narrow-width", fmt.Sprintf("%dpx", webapp.NarrowPlot.Width))), body),
		p.numbers(),
	)
}

// plotPictures is the plot of curves in its two layouts, as data URLs of
// SVG. They are made once for a plot (kept in plotMade): the slider's steps
// move the line of the amount laid over them (marks), so that the browser
// keeps the picture it has decoded.
func plotPictures(curves *webapp.Curves) (wide, narrow string) {
	if plotMade.curves != curves {
		src := func(l webapp.PlotLayout) string {
			return "data:image/svg+xml," + js.Global().Call("encodeURIComponent", curves.SVG(l)).String()
		}
		plotMade.curves, plotMade.wide, plotMade.narrow = curves, src(webapp.WidePlot), src(webapp.NarrowPlot)
	}
	return plotMade.wide, plotMade.narrow
}

// plotMade is the plot plotPictures made last: a Plot is made anew at
// every render of the page.
var plotMade struct {
	curves       *webapp.Curves
	wide, narrow string
}

// marks is the line of the amount chosen in each panel of layout l, as
// boxes laid over the plot's picture, placed in shares of its size (the
// picture scales with the page); style.css shows those of the layout
// shown (class), and draws them in the page's ink, as the plot's words
// are.
func marks(l webapp.PlotLayout, amount float64, class string) vecty.List {
	var list vecty.List
	for _, m := range l.Mark(amount) {
		percent := func(v float64, of int) string { return fmt.Sprintf("%.3f%%", 100*v/float64(of)) }
		list = append(list, elem.Div(vecty.Markup(vecty.Class("plot-mark", class), vecty.Attribute("aria-hidden", "true"),
			vecty.Style("left", percent(m.X, l.Width)), vecty.Style("top", percent(m.Top, l.Height)), vecty.Style("height", percent(m.Height, l.Height)))))
	}
	return list
}

// numbers is the plot's numbers as a table, folded under it: for those who
// read numbers rather than lines, and for a screen reader, which cannot
// look into the plot's picture. Its line is there while the plot is
// computed too, so that nothing under it moves when the plot comes.
func (p *Plot) numbers() vecty.ComponentOrHTML {
	curves, failed := p.Curves, p.Failed
	return &Folded{ID: "plot-numbers", Summary: "The plot's numbers", Content: func() vecty.ComponentOrHTML {
		if curves != nil {
			return numbersTable(curves.Table(), "plot-table", "the plot's numbers")
		}
		status := computing
		if failed != "" {
			status = "None: the plot could not be drawn (said above)." // said once in full, above
		}
		// A list either way: vecty matches children by place, and an
		// element where a list of two comes next puts the list's second
		// after what follows it (see Results.Render).
		return vecty.List{elem.Paragraph(vecty.Markup(vecty.Class("status")), vecty.Text(status))}
	}}
}

// numbersTable is t as an HTML table with id id, each row led by a header
// cell, in a box named label that scrolls sideways on a phone. What the
// cells hold is said above the table (id-about), not in a caption inside
// the box, which would scroll with it; the box takes the keyboard's focus,
// so that the keys scroll it too.
func numbersTable(t webapp.Table, id, label string) vecty.List {
	var headRow, body vecty.List
	for _, h := range t.Head {
		headRow = append(headRow, elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(h)))
	}
	for _, row := range t.Rows {
		cells := vecty.List{elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "row")), vecty.Text(row[0]))}
		for _, c := range row[1:] {
			cells = append(cells, elem.TableData(vecty.Text(c)))
		}
		body = append(body, elem.TableRow(cells))
	}
	return vecty.List{
		elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID(id+"-about")), vecty.Text(t.Caption)),
		elem.Div(vecty.Markup(vecty.Class("table-scroll"), vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"), vecty.Attribute("aria-label", label)),
			elem.Table(vecty.Markup(prop.ID(id), vecty.Class("numbers"), vecty.Attribute("aria-describedby", id+"-about")),
				elem.TableHead(elem.TableRow(headRow)), elem.TableBody(body))),
	}
}

// narrowScreen is the media query under which the plot has its panels one
// above the other (webapp.NarrowPlot); style.css has it too.
const narrowScreen = "(max-width: 520px)"

// drawsNote says, for noise whose pixels hit change from one amount to the
// next, that the curves may jump: each amount is one random draw.
func drawsNote(c *webapp.Curves) string {
	if c == nil || c.Kind == webapp.Gaussian { // one draw of noise, scaled: the curves are smooth
		return ""
	}
	return " Each amount is one random draw: which pixels the noise hits changes from one amount to the next, so a curve can jump between neighbouring amounts."
}
