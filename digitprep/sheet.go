package digitprep

// onSheet looks for the digit written on a sheet of paper, or a note,
// photographed on a darker desk: t is what the desk's side of the grey
// levels (inverted) found, a filled region that may be such a sheet, its
// digit a hole in it. The sheet is looked at alone, as a picture of its
// own, for ink on the other side: a digit of strokes (not a blob, as the
// counter of a bold digit that t would be is) clear of the sheet's edges.
// A sheet hardly larger than a bold digit on it passed findDigit's other
// tests for the other side (its margins are not thinner times as wide as
// the digit's strokes, and a bold 0 covers more than strokeCoverage of its
// box): its counter, paper inside the 0, was read as a 1 (TestBoldDigitOnASheet).
func onSheet(g []float32, w, h, grain int, t ink, inverted bool) (ink, bool) {
	// Paper lighter than the desk, taken for light ink: a dark region
	// found first is a mark or a frame drawn round the digit, the paper
	// inside it no digit.
	if inverted || hullCoverage(t, true) <= sheetCoverage {
		return ink{}, false
	}
	b := t.box.Add(t.origin)
	sheet := b.Inset(max(1, min(b.Dx(), b.Dy())/50)) // the sheet's edge, soft in a photo, left out
	if sheet.Dx() < MinSide || sheet.Dy() < MinSide {
		return ink{}, false
	}
	s, err := inkOn(cropOf(g, w, sheet), sheet.Dx(), sheet.Dy(), grain, !inverted)
	if err != nil || atEdge(s, sheet.Dx(), sheet.Dy()) || hullCoverage(s, false) > filledCoverage || s.level < t.level/2 {
		return ink{}, false
	}
	s.origin = s.origin.Add(sheet.Min)
	return s, true
}
