//go:build js && wasm

package main

import (
	"fmt"
	"strings"
	"syscall/js"
	"unicode"
	"unicode/utf8"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/reader"
	"github.com/godae/dae/webapp"
)

// Results shows what the models made of the input: the original, the
// model's input, the denoising and the plain autoencoder's outputs with
// what the digit reader sees in each, the latent code, the time and, where
// the clean digit is known, PSNR and SSIM.
type Results struct {
	vecty.Core
	Result   *webapp.Result `vecty:"prop"`
	Original string         `vecty:"prop"` // the picture of the digit as given (a URL), or ""
	Upload   *webapp.Upload `vecty:"prop"` // the upload shown, or nil: its picture in place of Original
	Store    *webapp.Store  `vecty:"prop"`
	Busy     bool           `vecty:"prop"` // a new upload is being read: what is shown is the last one's
	Refining bool           `vecty:"prop"` // the upload shown is looked at again, finer: its reading may change soon
	// Note, with an upload, is what was found in its picture (no digit),
	// and Message why a box drawn on it was not taken: said by it in place
	// of how to draw one.
	Note    string `vecty:"prop"`
	Message string `vecty:"prop"`
	Empty   string `vecty:"prop"` // what to do, while there is no result
	// Corner is the first corner of a box tapped on the upload, or nil
	// (webapp.State.Corner; r.corner says whether it still waits).
	Corner *webapp.Corner `vecty:"prop"`
	// Choosing says a box chosen on the upload is being prepared
	// (webapp.State.Choosing).
	Choosing bool `vecty:"prop"`
	// Refused is where the last box drawn on the upload, in which no
	// digit was found, is drawn, or nil (webapp.State.Refused).
	Refused *webapp.Mark `vecty:"prop"`
	// Unit is the code unit nudged under "What one code unit does", framed
	// on the heat maps, or −1 when none is (or its nudge is 0).
	Unit int `vecty:"prop"`
	// OffEdge says the drawing shown runs off its canvas
	// (webapp.State.DrawOffEdge): only what is inside is read.
	OffEdge bool `vecty:"prop"`
}

// reads is what a caption says the digit reader sees in a picture,
// "reads 7 (41 %)" (see unbroken).
func reads(r reader.Reading) string { return "reads " + unbroken(r) }

// unbroken is a reading, "7 (41 %)", with the percentage's number and sign
// on one line: a narrow caption broke between them, and the reader's
// sentence over the tiles left "%)." alone at a line's start.
func unbroken(r reader.Reading) string { return strings.Replace(r.String(), " %", "\u00a0%", 1) }

// tile is a picture with its title and, if reading is not nil, what the
// digit reader sees in it (in an element with id ID-reading), and what
// more its caption says.
func tile(id, title, src, alt string, reading *reader.Reading, more ...vecty.ComponentOrHTML) vecty.ComponentOrHTML {
	// The title a block of its own, which style.css makes two lines high
	// in a row of tiles, so that their readings line up when one title
	// takes two lines ("Denoised by the seed's model").
	caption := vecty.List{elem.Span(vecty.Markup(vecty.Class("tile-title")), vecty.Text(title))}
	if reading != nil {
		caption = append(caption, elem.Span(vecty.Markup(prop.ID(id+"-reading"), vecty.Class("reading")), vecty.Text(reads(*reading))))
	}
	caption = append(caption, more...)
	return elem.Figure(
		// elementtiming: the browser records when each picture is painted
		// (the Element Timing API; make bench reads "dae-output").
		elem.Image(vecty.Markup(prop.ID(id), prop.Src(src), prop.Alt(alt), vecty.Class("digit"), vecty.Attribute("elementtiming", id))),
		elem.FigureCaption(caption),
	)
}

func scores(s *webapp.Scores) string {
	if s == nil {
		return "—"
	}
	return s.String()
}

// noiseNote says under the model input's reading, where the reader reads
// it as it reads most digits under this noise, that it does
// (webapp.Result.NoiseNote): an input read as an 8 whatever the digit
// puzzled. id is its element's. A list in every state (vecty matches
// children by place).
func noiseNote(res *webapp.Result, id string) vecty.ComponentOrHTML {
	note := res.NoiseNote()
	if note == "" {
		return vecty.List{}
	}
	// A line of its own on the screen; a pause after the reading for a
	// screen reader, which ran the two together ("85 %)under this").
	return vecty.List{elem.Span(vecty.Markup(vecty.Class("sr-only")), vecty.Text(", ")), elem.Span(vecty.Markup(prop.ID(id), vecty.Class("noise-note")), vecty.Text(note))}
}

// sentence is s with its first letter capitalised, to begin a sentence.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// metrics are the rows of the result's figures: the time, and the scores
// against the clean digit, or one row saying there is none to compare
// with (an upload), rather than three rows of dashes.
func metrics(res *webapp.Result) vecty.List {
	rows := vecty.List{elem.TableRow(elem.TableHeader(vecty.Text("Denoising time")), elem.TableData(vecty.Markup(prop.ID("millis")), vecty.Text(fmt.Sprintf("%.2f ms", res.Millis))))}
	if res.Clean == nil {
		return append(rows, elem.TableRow(elem.TableHeader(vecty.Text("PSNR and SSIM")), elem.TableData(vecty.Markup(prop.ID("dae-scores")), vecty.Text(noScores))))
	}
	return append(rows,
		elem.TableRow(elem.TableHeader(vecty.Text("Noisy input vs clean")), elem.TableData(vecty.Markup(prop.ID("noisy-scores")), vecty.Text(scores(res.NoisyScores)))),
		elem.TableRow(elem.TableHeader(vecty.Text("Denoised vs clean")), elem.TableData(vecty.Markup(prop.ID("dae-scores")), vecty.Text(scores(res.DAEScores)))),
		elem.TableRow(elem.TableHeader(vecty.Text("Plain autoencoder vs clean")), elem.TableData(vecty.Markup(prop.ID("ae-scores")), vecty.Text(scores(res.AEScores)))),
	)
}

// verdict says whether denoising kept the digit; of a picture that may
// hold several, that it is said of the ink taken as the digit (which may
// be two digits read as one, or one of them). Where the box hint says
// that the picture may hold several (severalNoted), the verdict does not
// say it again, which a screen reader read out twice.
func (r *Results) verdict() string {
	v := sentence(r.Result.Verdict())
	if r.OffEdge {
		v += ". " + strings.TrimSuffix(offEdge, ".")
	}
	u := r.Upload
	if u == nil || u.NoDigit != nil || !u.Info.Several {
		return v
	}
	// While a box chosen is prepared, the note is not said: the verdict
	// keeps its short form ("That reading is of the ink boxed on the
	// picture"), if no refusal, note or corner was said in the note's
	// place, until the box's digit comes.
	noted := r.severalNoted() || r.Choosing && r.Message == "" && r.Note == "" && !r.cornerWaits()
	_, chosen := u.Chosen()
	switch {
	case chosen && noted:
		v += ". That reading is of the ink framed within your box"
	case chosen:
		v += ". Your box may hold more than one digit: that reading is of the ink framed within it"
	case noted:
		v += ". That reading is of the ink boxed on the picture"
	default:
		v += ". This picture may hold more than one digit: that reading is of the ink boxed on it"
	}
	return v
}

// metricsCaption says what the figures measure, where there are scores;
// of an upload's, which has none, it names the table for a screen reader
// alone (it had no name).
func metricsCaption(res *webapp.Result) vecty.MarkupOrChild {
	if res.Clean == nil {
		return elem.Caption(vecty.Markup(vecty.Class("sr-only")), vecty.Text("The denoising's figures"))
	}
	return elem.Caption(vecty.Markup(vecty.Class("hint")), vecty.Text("How close each picture is to the clean digit: PSNR in dB, and SSIM up to 1 (the same picture; 0 or below: nothing alike); higher is closer."))
}

// noScores is what the page says of the scores of an upload.
const noScores = "none: an upload has no clean digit to compare with"

// resultsHeading heads the results for a screen reader, which moves from
// heading to heading; on the screen the pictures say what they are.
func resultsHeading() vecty.ComponentOrHTML {
	return elem.Heading2(vecty.Markup(vecty.Class("sr-only"), prop.ID("results-heading")), vecty.Text("Result"))
}

// summary is the line that says what the digit reader sees. A screen
// reader hears it from App.sayReading once it has stayed a moment, not at
// every change (a slider dragged changed it at every step). It is the
// section's third element whatever the section holds, empty when there
// is no result. Its words are a list in every state (vecty matches
// children by place).
func (r *Results) summary(words ...vecty.ComponentOrHTML) vecty.ComponentOrHTML {
	return elem.Paragraph(vecty.Markup(prop.ID("reading"), vecty.Class("reading-summary")), vecty.List(words))
}

// then is the arrow between two readings, which a screen reader would
// call "right arrow": it says "then" instead.
func then() vecty.ComponentOrHTML {
	return vecty.List{elem.Span(vecty.Markup(vecty.Attribute("aria-hidden", "true")), vecty.Text(" → ")), elem.Span(vecty.Markup(vecty.Class("sr-only")), vecty.Text(", then "))}
}

// Render draws the result tiles, or a prompt when there is no result yet.
func (r *Results) Render() vecty.ComponentOrHTML {
	res := r.Result
	// Dimmed while a new upload is read. Only the reader's sentence
	// (summary) is read out as it changes: the whole section was, every
	// time, figures and all (33 changes for five steps of a slider).
	section := vecty.Markup(vecty.Class("results"), vecty.ClassMap{"busy": r.Busy, "empty": res == nil && r.Upload == nil}, prop.ID("results"), vecty.Attribute("aria-busy", r.Busy || r.Refining),
		vecty.Attribute("aria-labelledby", "results-heading")) // its name when it has the focus (scrollStop)
	if res == nil && r.Upload != nil {
		// No digit found in the picture: it stays, for the person to drag
		// a box around theirs (its hint says so, read out).
		// The picture is in a list as the tiles are below: vecty matches
		// children by place, and a component where a list comes next put
		// the tiles out of order (the box hint second).
		return elem.Section(section, resultsHeading(), elem.Div(vecty.Markup(vecty.Class("tiles")), vecty.List{r.picture()}, r.boxHint()), r.summary())
	}
	if res == nil {
		return elem.Section(section, resultsHeading(), elem.Paragraph(vecty.Markup(prop.ID("results-empty")), vecty.Text(r.Empty)), r.summary())
	}
	png := grayURL
	dae := png(res.DAE)
	var tiles vecty.List
	var hint vecty.ComponentOrHTML
	switch {
	case r.Upload != nil:
		tiles = append(tiles, r.picture())
		if in, ok := r.Upload.Inset(); ok {
			tiles = append(tiles, &InsetView{Store: r.Store, URL: r.Upload.URL, Inset: in, Corner: r.corner(webapp.OnInset, in)})
		}
		hint = r.boxHint()
	case r.Original != "":
		title, alt := "Your drawing", "your drawing"
		if res.Label >= 0 { // a gallery digit
			title, alt = "MNIST test digit", fmt.Sprintf("MNIST test digit %d", res.Label)
		}
		// What the reader sees in it, the digit before its noise (a
		// drawing's verdict measures the denoising against it).
		tiles = append(tiles, tile("original", title, r.Original, alt, res.CleanReading))
	}
	tiles = append(tiles,
		tile("model-input", "Model input (28×28)", png(res.Input), "the noisy digit the model sees", &res.InputReading, noiseNote(res, "model-input-noise")),
		tile("dae-output", "Denoised by "+res.Title, dae, "the digit denoised", &res.DAEReading),
		tile("ae-output", "Plain autoencoder, trained without noise", png(res.AE), "the output of the plain autoencoder, trained on clean digits only", &res.AEReading),
	)
	return elem.Section(section, resultsHeading(),
		// The hint is one of the tiles: under them on a wide screen, right
		// under the picture on a phone's two columns (style.css).
		elem.Div(vecty.Markup(vecty.Class("tiles")), tiles, hint),
		r.summary(vecty.Text("Digit reader — input: "+unbroken(res.InputReading)), then(), vecty.Text(fmt.Sprintf("denoised: %s. %s.", unbroken(res.DAEReading), r.verdict()))),
		r.preparedNote(),
		// The numbers and the code: side by side on a wide screen (style.css).
		elem.Div(vecty.Markup(vecty.Class("measures")),
			elem.Table(vecty.Markup(vecty.Class("metrics")), metricsCaption(res), elem.TableBody(metrics(res))),
			elem.Figure(vecty.Markup(vecty.Class("latent")),
				r.latentMap(res),
				elem.FigureCaption(vecty.Text(latentCaption(res))),
				&Folded{ID: "latent-numbers", Summary: "The code's numbers, map by map", Content: func() vecty.ComponentOrHTML {
					return numbersTable(webapp.LatentTable(res.Latent, res.LatentShape), "latent-table", "the code's numbers")
				}},
			),
		),
		elem.Paragraph(vecty.Markup(vecty.Class("downloads")),
			elem.Anchor(vecty.Markup(prop.ID("download"), prop.Href(dae), vecty.Attribute("download", "denoised.png"), vecty.Class("button")), vecty.Text("Download the denoised digit at 28×28 (PNG), as MNIST's")),
			// Its picture is made as it is about to be followed (largeLink):
			// one of 280×280 at every render would cost each slider step.
			elem.Anchor(vecty.Markup(prop.ID("download-large"), prop.Href("#"), vecty.Attribute("download", "denoised-280.png"), vecty.Class("button"),
				vecty.Markup(largeLink(res.DAE)...)), vecty.Text("Download at 280×280 (PNG), to look at")),
		),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text("The plain autoencoder was trained on clean digits only: shown a noisy one, it keeps much of the noise, or smears the digit into a blob. The seed's denoising model, of the same size, was trained on Gaussian noise against clean targets; the strong model, wider, on many kinds of damage (noise, blur, grey paper, faint or thin ink, blocks, JPEG) and on clean digits, which it learned to leave alone. The digit reader is a small classifier trained on clean MNIST digits; its confidence is the probability it gives its digit. It knows only the ten digits: shown static or a scribble, it still names one, often with high confidence, so its readings of heavy noise say little.")),
	)
}

// preparedNote says, under an upload's results, why its denoised digit may
// look much like the model's input: preparation took away much of the
// picture's noise first.
func (r *Results) preparedNote() vecty.ComponentOrHTML {
	if r.Upload == nil {
		return nil
	}
	if _, found := r.Upload.Found(); !found { // a 28×28 picture, taken whole as MNIST's: its noise is kept
		return nil
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("hint"), prop.ID("prepared-note")), vecty.Text("Your picture was first prepared as MNIST's digits were made: its paper set to black and its ink to white, the digit found, scaled to 20 pixels and centred in 28×28. That takes away much of a photo's noise before the model sees it (the model input), and the denoiser cleans what is left. To watch a denoiser on heavy noise, pick a sample and add some."))
}

// largeLink is the handlers that give the link to the denoised digit at
// 280×280 its picture, that digit's, before anything follows it: a click,
// a long press (contextmenu), a middle click (pointerdown) or a key
// (focus). The page's render leaves an href it did not set.
func largeLink(digit []float32) []vecty.Applyer {
	set := func(e *vecty.Event) {
		e.Get("currentTarget").Set("href", pngURL(webapp.Enlarged(webapp.GrayImage(digit, webapp.Side, webapp.Side), 10)))
	}
	var hs []vecty.Applyer
	for _, name := range []string{"click", "contextmenu", "pointerdown", "focus"} {
		hs = append(hs, &vecty.EventListener{Name: name, Listener: set})
	}
	return hs
}

// latentCaption says what the latent code's heat maps show, and on what
// scale (webapp.LatentImage's).
func latentCaption(res *webapp.Result) string {
	lo, hi := webapp.LatentRange(res.Latent)
	from := "0"
	if lo < 0 {
		from = fmt.Sprintf("the code's lowest value, %.2f", lo)
	}
	return fmt.Sprintf("Latent code, what the encoder makes of the digit and the decoder turns back into a picture: %d maps of %d×%d numbers, all on one scale, from dark purple at %s to yellow at the code's largest value, %.2f (which changes with the digit and the model); a map all dark is off, or nearly, for this digit. Maps count from 0, left to right and row by row, and so do the rows and columns within a map, as \"what one code unit does\" below names them. Click or tap a number to nudge it below (or type its number there); the one nudged, once its nudge is not 0, is framed.",
		res.LatentShape.C, res.LatentShape.H, res.LatentShape.W, from, hi)
}

// latentMap is the latent code's heat maps, with the unit nudged (r.Unit)
// framed. A click on a number chooses it to nudge (Store.PickUnit) and
// brings the nudge into view, so that one sees what it does, with the
// focus on the unit's field (which chooses one from the keyboard) where a
// mouse clicked: a phone would open its keyboard over the nudge.
func (r *Results) latentMap(res *webapp.Result) vecty.ComponentOrHTML {
	shape := res.LatentShape
	// The maps' rows as the screen is now: the picture, the frame and a
	// click's unit all of this render's.
	columns := webapp.LatentColumnsFor(shape, js.Global().Call("matchMedia", narrowScreen).Get("matches").Bool())
	var frame vecty.ComponentOrHTML
	if r.Unit >= 0 && r.Unit < len(res.Latent) {
		left, top, w, h := webapp.LatentUnitBox(shape, columns, r.Unit)
		pct := func(f float64) string { return fmt.Sprintf("%.4f%%", 100*f) }
		frame = elem.Div(vecty.Markup(prop.ID("latent-unit"), vecty.Class("latent-unit"), vecty.Attribute("aria-hidden", "true"),
			vecty.Style("left", pct(left)), vecty.Style("top", pct(top)), vecty.Style("width", pct(w)), vecty.Style("height", pct(h))))
	}
	return elem.Div(vecty.Markup(vecty.Class("latent-map")),
		elem.Image(vecty.Markup(prop.ID("latent"), prop.Src(pngURL(webapp.LatentImage(res.Latent, shape, columns))), vecty.Attribute("tabindex", "-1"),
			prop.Alt(fmt.Sprintf("heat map of the %s latent code", shape)),
			event.Click(func(e *vecty.Event) {
				img := e.Target
				u, ok := webapp.LatentUnitAt(shape, columns, e.Get("offsetX").Float()/img.Get("clientWidth").Float(), e.Get("offsetY").Float()/img.Get("clientHeight").Float())
				if !ok { // a gap between maps
					return
				}
				if !r.Store.PickUnit(u) {
					return
				}
				touch := e.Get("pointerType").String() == "touch" // a click is a PointerEvent
				// After the frame's render (frame callbacks run in the
				// order they were asked for), when the nudged digit is
				// the unit's: the nudge with its words in the middle of
				// the screen, smoothly unless the person asks for less
				// motion, and the keyboard's focus on the unit's field.
				onFrame(func() {
					doc := js.Global().Get("document")
					bringIntoView(doc.Call("querySelector", ".nudge"))
					if f := doc.Call("getElementById", "nudge-unit"); f.Truthy() && !touch {
						f.Call("focus", map[string]any{"preventScroll": true})
					}
				})
			}))),
		frame,
	)
}

// picture is the upload's picture, with the first corner of a box tapped
// on it, if one waits.
func (r *Results) picture() *UploadPicture {
	return &UploadPicture{Store: r.Store, Upload: r.Upload, Corner: r.corner(webapp.OnPicture, webapp.Inset{}), Refused: r.Refused}
}

// corner is the first corner of a box tapped on surface on (showing view),
// if one waits there, or nil.
func (r *Results) corner(on webapp.Surface, view webapp.Inset) *webapp.Corner {
	if !r.Corner.Waits(r.Upload, on, view) {
		return nil
	}
	return r.Corner
}
