package digitprep

// sheetFill is how much of the smallest rectangle round it, turned any
// way, a sheet fills at least: sheets and notes on desks filled 0.97 to
// 1, light 0s of the generated uploads, their counters filled, 0.77 to
// 0.83.
const sheetFill = 0.9

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
// (TestNotesOnDesks).
func onSheet(g []float32, w, h, grain int, t ink, filled float64, inverted bool) (ink, bool) {
	// Paper lighter than the desk, taken for light ink: a dark region
	// found first is a mark or a frame drawn round the digit, the paper
	// inside it no digit.
	if inverted || filled <= sheetCoverage {
		return ink{}, false
	}
	// The sheet alone: its pixels, less a margin for its edge (soft in a
	// photo, and shadowed), and paper (the sheet's median grey) for the
	// rest of its box, the desk at the corners of a tilted sheet.
	b := t.box.Add(t.origin)
	if b.Dx() < MinSide || b.Dy() < MinSide {
		return ink{}, false
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
		return ink{}, false
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
	if err != nil || atEdge(s, b.Dx(), b.Dy()) || hullCoverage(s, false) > filledCoverage || s.level < t.level/2 {
		return ink{}, false
	}
	s.origin = s.origin.Add(b.Min)
	return s, true
}
