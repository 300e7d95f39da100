package digitprep

import (
	"errors"
	"image"
	"slices"
)

// sheetFill is how much of the smallest rectangle round it, turned any
// way, a sheet fills at least: sheets and notes on desks filled 0.97 to
// 1, light 0s of the generated uploads, their counters filled, 0.77 to
// 0.83.
const sheetFill = 0.9

// faintMargin is how far from a sheet's edges, as a share of its width
// and height, ink found on it that has less than half the sheet's
// contrast against the desk lies when it is a pale digit: what a
// vignette's falling light leaves along a blank sheet's edges was found
// 0.02 to 0.07 of the sheet from them (a probe's 200 blank sheets), two
// pencil digits 0.16 and 0.19.
const faintMargin = 0.1

// errNoSheet is onSheet's finding that the region it was given is no
// sheet.
var errNoSheet = errors.New("no sheet")

// slender is how many times longer than its strokes are wide (its box's
// longer side over strokeWidth) ink that fills its hull is at least when
// it is a straight stroke, a 1, and not a blob: a round blob measures 2,
// an ellipse four times as long as wide 5; the 1s of MNIST's test set 4.9
// to 30, 5.4 or more but for 1 % of them.
const slender = 5

// onSheet looks for the digit written on a sheet of paper, or a note,
// photographed on a darker desk: t is what the desk's side of the grey
// levels (inverted) found, a filled region that may be such a sheet, its
// digit a hole in it, covering filled of its hull with its holes
// (hullCoverage). The sheet is looked at alone, as a picture of its
// own, for ink on the other side: a digit of strokes (not a blob, as the
// counter of a bold digit that t would be is) clear of the sheet's edges.
// A sheet hardly larger than a bold digit on it passed findDigit's other
// tests for the other side (its margins are not thinner times as wide as
// the digit's strokes, and a bold 0 covers more than strokeCoverage of its
// box): its counter, paper inside the 0, was read as a 1 (TestBoldDigitOnASheet).
// The sheet's own pixels are looked at, its edge left out: the corners of
// a turned sheet's box are desk, and its edge is in the shadow it casts
// (TestNotesOnDesks). A straight 1 fills its hull as a blob does, but is
// far longer than its stroke is wide (slender). Ink of less than half the
// sheet's contrast against the desk is taken only well inside the sheet
// (faintMargin): a pale digit, not the shade a vignette leaves along its
// edges.
//
// It returns errNoSheet when t is no sheet; when it is one, the digit on
// it, or why there is none that can be taken: what inkOn says of the ink
// on it (a digit too small to read, with where it is), or ErrBlank.
func onSheet(g []float32, w, h, grain int, t ink, filled float64, inverted bool) (ink, error) {
	// Paper lighter than the desk, taken for light ink: a dark region
	// found first is a mark or a frame drawn round the digit, the paper
	// inside it no digit.
	if inverted || filled <= sheetCoverage {
		return ink{}, errNoSheet
	}
	// The sheet alone: its pixels, less a margin for its edge (soft in a
	// photo, and shadowed), and paper (the sheet's median grey) for the
	// rest of its box, the desk at the corners of a tilted sheet.
	b := t.box.Add(t.origin)
	if b.Dx() < MinSide || b.Dy() < MinSide {
		return ink{}, errNoSheet
	}
	region := filledRegion(t)
	keep := make([]float32, len(region))
	var paper []float32
	for i, in := range region {
		if in {
			keep[i] = 1
			paper = append(paper, g[(b.Min.Y+i/b.Dx())*w+b.Min.X+i%b.Dx()])
		}
	}
	// A sheet is a rectangle, turned any way, filling the smallest such
	// round it; a light digit with its counters filled, a 0 taken for a
	// sheet, is an ellipse, filling π/4 of it (its counter was then found
	// as the digit on it). The region's outline is the ink's.
	pts, _ := outline(t)
	if float64(len(paper)) < sheetFill*rectangleArea(convexHull(pts)) {
		return ink{}, errNoSheet
	}
	keep = minFilter(keep, b.Dx(), b.Dy(), max(1, min(b.Dx(), b.Dy())/25))
	level := median(paper)
	sheet := cropOf(g, w, b)
	for i, k := range keep {
		if k == 0 {
			sheet[i] = level
		}
	}
	s, err := inkOn(sheet, b.Dx(), b.Dy(), grain, !inverted)
	if err == nil && (atEdge(s, b.Dx(), b.Dy()) || s.level < t.level/2 && !inside(s, b.Dx(), b.Dy()) || hullCoverage(s, false) > filledCoverage && !slenderInk(s)) {
		return ink{}, ErrBlank
	}
	s.origin = s.origin.Add(b.Min)
	return s, err
}

// sheetOnDesk finds a sheet of paper, or a note, photographed on a darker
// desk that fills most of the border of g (w×h): the largest region of the
// lightly blurred picture lighter than halfway from the desk (the border's
// median) to the picture's light (lightShare of it is lighter), as ink
// (1 on the sheet's pixels) whose contrast is the light's over the
// desk's. findInk's background takes in a sheet wider than its window,
// and what it leaves of one passed for strokes: its rim and a vignette's
// lit middle on a dark desk, the desk along its edge on a light one. A
// sheet lies alone on the desk (maxBeside; the light in its holes, the
// paper in the counters of the digit on it, is on it), holds at most half
// of the picture's border (maxCutEdge), and is more paper than holes: a
// light frame round a light digit on a dark ground is mostly the ground
// it holds. blank says whether it is a blank sheet should onSheet find no
// digit on it: one lying wholly on the desk (maxSheetEdge) that blankSheet
// takes for blank.
func sheetOnDesk(g []float32, w, h int) (t ink, blank, cut, ok bool) {
	light := lightOf(g, w, h)
	desk, top := median(border(light, w, h)), quantile(light, 1-lightShare)
	if top-desk < minSheetStep {
		return ink{}, false, false, false
	}
	label, n := components(light, w, h, (desk+top)/2, (desk+top)/2)
	if n == 0 {
		return ink{}, false, false, false
	}
	size := make([]int, n+1)
	for _, l := range label {
		size[l]++
	}
	largest, lit := int32(1), 0
	for l := 1; l <= n; l++ {
		lit += size[l]
		if size[l] > size[largest] {
			largest = int32(l)
		}
	}
	var b image.Rectangle
	on := make([]float32, w*h)
	for i, l := range label {
		if l == largest {
			b = b.Union(image.Rect(i%w, i/w, i%w+1, i/w+1))
			on[i] = 1
		}
	}
	rim, held := border(on, w, h), 0
	for _, v := range rim {
		if v > 0 {
			held++
		}
	}
	if float64(held) > maxCutEdge*float64(len(rim)) {
		return ink{}, false, false, false
	}
	cut = float64(held) > maxSheetEdge*float64(len(rim))
	t = ink{w: b.Dx(), h: b.Dy(), box: image.Rect(0, 0, b.Dx(), b.Dy()), origin: b.Min, level: top - desk, v: make([]float32, b.Dx()*b.Dy())}
	for y := range t.h {
		copy(t.v[y*t.w:(y+1)*t.w], on[(y+b.Min.Y)*w+b.Min.X:])
	}
	// The sheet's holes, and the light in them (the paper in a digit's
	// counters), which is on the sheet, not beside it.
	hollow, lightIn := 0, 0
	for i, in := range filledRegion(t) {
		at := (b.Min.Y+i/t.w)*w + b.Min.X + i%t.w
		if in && on[at] == 0 {
			hollow++
			if label[at] != 0 {
				lightIn++
			}
		}
	}
	if hollow > size[largest] { // a frame round what it holds
		return ink{}, false, false, false
	}
	beside := float64(lit-size[largest]-lightIn) / float64(size[largest])
	if beside > maxBeside {
		return ink{}, false, false, false
	}
	return t, !cut && blankSheet(t, hollow, beside, w, h), cut, true
}

// deskHoldsInk says whether the desk round sheet t (sheetOnDesk's, in g,
// w×h) holds ink, dark if dark, light if not, a digit or not. The sheet,
// its holes and a margin round it (a 25th of its size, as onSheet leaves
// off its edge) are painted the desk's grey, desk (the border's median),
// and inkOn looks for such ink on what is left; what it finds counts if
// its contrast is deskInk or more. Where the border is taken for paper
// (paperIsLight: a desk lighter than mid-grey), a digit written beside a
// sheet, a card, a blank label or a lamp's lit patch is dark ink on the
// desk; on a dark desk it is light ink beside the sheet, which maxBeside
// bounds for a sheet lying wholly on the desk. A helper's probe of 2,160
// such pictures (2026-12-08) lost 353 of their digits when the sheet was
// looked at alone on a light desk with no such test, and
// TestDigitBesideACardOnALightDesk 22 of its 24; another's, of a light
// digit beside a light panel that runs off a dark screenshot's edge, taken
// for a sheet cut by it, 2 of 120.
func deskHoldsInk(g []float32, w, h, grain int, t ink, desk float32, dark bool) bool {
	b := t.box.Add(t.origin)
	sheet := make([]float32, w*h)
	for i, in := range filledRegion(t) {
		if in {
			sheet[(b.Min.Y+i/b.Dx())*w+b.Min.X+i%b.Dx()] = 1
		}
	}
	sheet = maxFilter(sheet, w, h, max(1, min(b.Dx(), b.Dy())/25))
	alone := slices.Clone(g)
	for i, on := range sheet {
		if on > 0 {
			alone[i] = desk
		}
	}
	s, err := inkOn(alone, w, h, grain, dark)
	return !errors.Is(err, ErrBlank) && s.level >= deskInk
}

// deskInk is the least contrast of ink deskHoldsInk finds on a desk when
// it is ink: what a vignette's dim corners left on a blank desk measured
// 0.01 to 0.05, digits beside a card 0.17 or more; the shadow a card casts
// round it, which may be found instead of a digit beside it, 0.06 to 0.12
// (a helper's probe: with half the sheet's contrast for the bound, 8 of
// its 2,160 digits were lost, 4 with this one).
const deskInk = 0.1

// inside says whether ink s lies clear of the edges of its w×h picture by
// faintMargin of its width and height.
func inside(s ink, w, h int) bool {
	b := s.box.Add(s.origin)
	mx, my := int(faintMargin*float64(w)), int(faintMargin*float64(h))
	return b.In(image.Rect(mx, my, w-mx, h-my))
}

// slenderInk says whether ink s is slender times as long as its strokes
// are wide.
func slenderInk(s ink) bool {
	return float64(max(s.box.Dx(), s.box.Dy())) >= slender*strokeWidth(s.v, s.w, s.box)
}

// blankSheet says whether sheet t in a w×h picture, with holes holes in it
// and beside times its light beside it on the desk, is a blank sheet when
// onSheet finds no digit on it: alone on the desk (a blank label or a
// screen's light panel beside a light digit is not: blankBeside), at
// least as wide each way as findInk's background window, which then takes
// it in (findDigit's other tests would take its rim for light ink), and
// with hardly a hole in it (blankHoles): a light glyph, a seven-segment 8
// or 0, passes for a sheet too, but its counters are holes of a third of
// it or more.
func blankSheet(t ink, holes int, beside float64, w, h int) bool {
	return beside <= blankBeside && 3*min(t.box.Dx(), t.box.Dy()) >= min(w, h) && float64(holes) <= blankHoles*float64(t.box.Dx()*t.box.Dy())
}

// blankHoles is the most of a blank sheet's box that its holes cover, as
// sheetOnDesk finds it (a digit on a sheet makes holes of up to a quarter
// of it; a blank sheet has none, but for a speck).
const blankHoles = 0.02

// lightShare is the share of a picture of a sheet on a desk that is at
// least as light as the sheet's paper, as sheetOnDesk takes it: a note
// smaller than that is left to findDigit's other tests, which find it
// (the background's window does not take it in).
const lightShare = 0.05

// minSheetStep is how much lighter than the desk a sheet on it is at
// least, as sheetOnDesk finds it (the probe's sheets stood 0.2 to 0.78
// above their desks).
const minSheetStep = 0.15

// blankBeside is how much light there is beside a blank sheet on a desk
// at most, as a share of the sheet's (noise and the desk's grain): a light
// digit beside a blank label or a screen's light panel on a dark ground is
// more (a helper's probe, with only maxBeside's bound, then 0.1: 55 of 650
// such pictures lost their digit, most refused as blank sheets).
const blankBeside = 0.005

// maxBeside is how much light there is beside a sheet on a desk at most,
// as a share of the sheet's: a light label on a dark ground beside a light
// digit is no sheet, and the dark text on it no digit. (A helper's probe,
// 2026-12-08: in a first version with no such bound, 132 of 400 such
// pictures lost their digit, and 26 of 250 dark-mode screenshots with
// light panels; at 0.1, 13 and 6; at 0.02, none and 1, while its 990
// photos of sheets on desks read 867 right, 884 at 0.1, 632 before.) The
// paper in the counters of a large digit on the sheet may be more (two of
// TestDigitOnALargeSheetOnADesk's 32 on dark desks), but lies in the
// sheet's holes, not beside it.
const maxBeside = 0.02

// maxSheetEdge is the most of a picture's border that a sheet lying
// wholly on the desk, as sheetOnDesk finds it, holds: the corners of a
// turned sheet large in the photo may reach out of it (0.06 of the border
// at most in a probe's 200 photos). Only such a sheet is said to be blank
// when no digit is found on it: light coming in from an edge, a lamp's or
// a gradient's lighter side, holds a side or more of the border, and a
// pale digit there was refused as the shade left along a sheet's edge,
// though read before (6 in a review's probe of photos of pages with the
// desk along one to three edges, and under lamps, 2026-12-08).
const maxSheetEdge = 0.1

// maxCutEdge is the most of a picture's border that a sheet cut by the
// picture's edge holds, as sheetOnDesk finds it: a digit found on it,
// darker than its paper (cutInk), is the digit if the desk round it holds
// no ink (deskHoldsInk), and otherwise what the border's side finds is
// taken, as before. (A helper's probe, 2026-12-08: of 90 photos of sheets
// on dark desks cut by one or two of the picture's edges, 52 read right
// with the sheet looked for only when wholly on the desk, 83 at any bound
// from 0.3 to 0.6, and 83 with cutInk and deskHoldsInk; a review's probe of
// 80 photos of pages with the desk along one to three edges, 3 more read
// right, none fewer.)
const maxCutEdge = 0.5

// darkOnSheet says whether ink s, found on sheet t (both in g, w wide),
// is darker than the sheet's paper (the median of its pixels) by cutInk
// of the paper's height over the desk, desk, or more, as a pen's is.
func darkOnSheet(g []float32, w int, s, t ink, desk float32) bool {
	dark := greysUnder(g, w, s)
	p := median(greysUnder(g, w, t))
	return len(dark) > 0 && median(dark) <= p-cutInk*(p-desk)
}

// greysUnder is the grey levels of g (w wide) under ink t, its pixels over
// half.
func greysUnder(g []float32, w int, t ink) []float32 {
	var v []float32
	for y := t.box.Min.Y; y < t.box.Max.Y; y++ {
		for x := t.box.Min.X; x < t.box.Max.X; x++ {
			if t.v[y*t.w+x] > 0.5 {
				v = append(v, g[(y+t.origin.Y)*w+x+t.origin.X])
			}
		}
	}
	return v
}

// cutInk is how much darker than its paper ink found on a sheet cut by
// the picture's edge is at least, as a share of the paper's height over
// the desk: a lamp's lit strip coming in from a chalkboard's edge, with a
// chalk digit on it, passed for such a sheet, and the gaps between the
// chalk's strokes, no darker than the strip, were found as dark ink on it
// (a helper's probe, 2026-12-08: 5 of 130 chalk digits so misread, none
// with this bound; its 250 photos of cut sheets read as well with it).
const cutInk = 0.25
