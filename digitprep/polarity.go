package digitprep

import (
	"errors"
	"fmt"
	"image"
	"math"
	"sort"
)

// Shares that ink covers: a filled region (a page, a sticky note, tilted
// or not) covers nearly all of its convex hull, a bold digit up to about
// three quarters of its box, an ordinary one less than half. findDigit
// keeps the ink on the border's other side unless it covers more than
// filledCoverage of its hull, and takes the other side's only if it
// covers at most strokeCoverage of its box, so that the counters of a bold
// digit (the holes of its 0 or 8, filled regions too) are not taken for
// it. (A thin slanting stroke, a 1, covers its hull too: then the other
// side is looked at, and finds no digit.)
const (
	filledCoverage = 0.87
	strokeCoverage = 0.6
)

// minOtherLevel is the least contrast, in grey levels, of ink found on the
// border's side when nothing was found on the other.
const minOtherLevel = 0.1

// findDigit finds the digit in g (w×h, grey levels as given, not inverted
// yet) and says whether it is dark ink on light (inverted: the ink is
// then 1 - g). It takes the ink to be the side that the paper is not
// (paperIsLight), as paper fills the border of most pictures; but a sticky note or a
// page photographed on a darker desk has the desk at its border, and the
// paper is then found as the "ink": a filled region (more than
// filledCoverage of its convex hull, or more than sheetCoverage with its
// holes, the digit written on it, filled), or nothing that passes for a
// digit. Then, if the other side gives ink that is like a digit (strokes
// covering at most strokeCoverage of its box, clear of the image's edges,
// of a contrast at least half the first's: not the faint rims a wide
// stroke leaves in the background's estimate), it takes the other side;
// or, where the other side does not pass for a digit or the region is too
// little wider than its strokes to be taken for paper, the digit found on
// the region alone (onSheet), if it is a sheet.
//
// Before all that, when the border is of one level, a desk, the largest
// region that lies on it lighter than it (sheetOnDesk) is looked at alone
// for the digit written on it (onSheet), and a blank sheet wider than
// findInk's background window holds none (blankSheet): the window takes
// such a sheet into the background, and what is left of it passed for
// ink: on a dark desk its rim and a vignette's lit middle, taken for the
// light side's strokes; on a desk the border is taken for paper (a desk
// lighter than mid-grey), the desk along the sheet's edge, for dark
// strokes, and there the sheet is looked at only when the desk round it
// holds no dark ink (deskHoldsInk). (A probe's photos of sheets lying on
// desks 40 to 150 grey, 2026-12-08: of 200 with a digit, 148 read right
// before, 198 after; of 200 blank ones, 88 held no digit before, 199
// after. On desks 150 to 195 grey, of 120 with a digit, all read right
// before and after; of 120 blank ones, 94 held no digit before, 116
// after.)
//
// When the border is split between two levels, the picture's middle grey
// level that chose the side may be a shadow over half of the page, and the
// first side's "ink" then the paper between strokes, or the lit paper
// along the shadow's edge: a blob (more than strokeCoverage of its box) or
// ink at the image's edge. Then the other side is taken if it gives a
// digit as above and the first side's ink is such paper (shadowed); or,
// when the first side's ink looks like a digit too, if it is paper inside
// the other side's digit or far fainter than it (paperIn). The other
// side's ink is not taken when it is a blob inside the first side's
// digit, its counter (counterOf).
func findDigit(g []float32, w, h, grain int) (ink, bool, error) {
	b := border(g, w, h)
	inverted := paperIsLight(g, b)
	split := mixed(b)
	if !split {
		// The sheet is found as light ink, whichever side the border says
		// is paper. A sheet cut by the picture's edge gives only a digit
		// far darker than its paper (darkOnSheet), never a blank. Where
		// the border says the desk is paper, or the sheet is cut, ink on
		// the desk round it is the digit (deskHoldsInk): dark ink on a
		// light desk, light ink on a dark one.
		if sheet, blank, cut, ok := sheetOnDesk(g, w, h); ok {
			s, err := onSheet(g, w, h, grain, sheet, hullCoverage(sheet, true), false)
			desk := median(b)
			found := err == nil && (!cut || darkOnSheet(g, w, s, sheet, desk))
			none := blank && !errors.Is(err, errNoSheet) // a blank sheet, or what onSheet says of the ink on it
			if (found || none) && (!inverted && !cut || !deskHoldsInk(g, w, h, grain, sheet, desk, inverted)) {
				return s, true, err
			}
		}
	}
	t, err := inkOn(g, w, h, grain, inverted)
	unsure := err == nil && split && (coverage(t, 0.5) > strokeCoverage || atEdge(t, w, h))
	var plain, filled float64 // of t's hull, t's ink, and with its holes
	if err == nil {
		plain, filled = hullCoverage(t, false), hullCoverage(t, true)
	}
	strokes := err == nil && plain <= filledCoverage && filled <= sheetCoverage
	if strokes && !unsure && !split {
		return t, inverted, nil
	}
	other, oerr := inkOn(g, w, h, grain, !inverted)
	digit := oerr == nil && coverage(other, 0.5) <= strokeCoverage && !atEdge(other, w, h)
	if strokes && !unsure {
		if digit && paperIn(t, other) {
			return other, !inverted, nil
		}
		return t, inverted, nil
	}
	if !digit || (strokes && counterOf(other, t)) {
		if err == nil {
			if s, err := onSheet(g, w, h, grain, t, filled, inverted); err == nil {
				return s, !inverted, nil
			}
		}
		return t, inverted, err
	}
	if unsure && other.level >= t.level/2 && shadowed(t, other, w, h) {
		return other, !inverted, nil
	}
	if err == nil {
		// Against the filled region found first: of half its contrast at
		// least, and strokes far thinner than it (a note is far wider than
		// the pen's strokes on it; the counters of a bold digit, its holes,
		// are about as wide as its strokes), unless the region is itself
		// the counter of the other side's digit, a blob with no holes
		// inside its box (the paper in a bold 0 on a sheet on a darker
		// desk, read as a 1), or a sheet with the digit written on it
		// (onSheet).
		counter := counterOf(t, other)
		keep := other.level < t.level/2 || !counter && strokeWidth(t.v, t.w, t.box) < thinner*strokeWidth(other.v, other.w, other.box)
		if keep || counter { // unless the region is a sheet with the digit on it
			if s, err := onSheet(g, w, h, grain, t, filled, inverted); err == nil {
				return s, !inverted, nil
			}
		}
		if keep {
			return t, inverted, err
		}
	} else if other.level < minOtherLevel {
		return t, inverted, err
	}
	return other, !inverted, nil
}

// shadowed says whether ink t, found first where the picture's border is
// split between two levels, is paper that looked like ink, and other,
// found on the other side, the digit: t clear of the image's edges and
// other's box not inside t's (the paper between a digit's strokes lies
// inside the digit's box; a digit's counter, when other is one, inside
// t's), or t at the image's edge with strokes at least edgeWider times as
// wide as other's (the lit paper along a shadow's edge; a digit cut by the
// edge has counters about as wide as its strokes).
func shadowed(t, other ink, w, h int) bool {
	if atEdge(t, w, h) {
		return strokeWidth(t.v, t.w, t.box) >= edgeWider*strokeWidth(other.v, other.w, other.box)
	}
	return !other.box.Add(other.origin).In(t.box.Add(t.origin))
}

// paperIn says whether ink t, found first where the picture's border is
// split between two levels, is the paper between the strokes of the digit
// other found on the other side: smaller than other's box and centred
// inside it, and of less contrast (the lit paper in a 9's loop across a
// shadow's edge, the rest of the lit paper taken into the background by
// reachPlateaus); or, wherever it lies, of far less contrast (fainter).
func paperIn(t, other ink) bool {
	b, o := t.box.Add(t.origin), other.box.Add(other.origin)
	centre := b.Min.Add(b.Max).Div(2)
	return b.Dx() < o.Dx() && b.Dy() < o.Dy() && centre.In(o) && t.level < other.level || t.level*fainter < other.level
}

// fainter is how many times less contrast than the other side's digit the
// first side's ink has when it is what is left of the lit paper beside a
// shadow that the background took in (reachPlateaus): a helper's probe
// measured 0.015 to 0.15 against the digit's 0.53 to 0.70.
const fainter = 3

// counterOf says whether ink c, a blob covering its hull, lies inside the
// box of ink t: the paper enclosed by t's strokes (a bold 4's triangle,
// which covers no more of its box than strokes do).
func counterOf(c, t ink) bool {
	return hullCoverage(c, false) > filledCoverage && c.box.Add(c.origin).In(t.box.Add(t.origin))
}

// edgeWider is how many times wider than the digit's strokes the first
// side's ink at the image's edge must be to be paper (shadowed): lit paper
// along a shadow's edge measured 1.9 to 2.6 times, a page's desk beside a
// thick digit cut by the edge 1.5 times and more (a helper's probe: 2 of
// 90 such digits taken from the wrong side).
const edgeWider = 1.5

// paperIsLight says whether the paper of picture g (b is its border), the
// background most of the picture shows, is light, so that the ink is dark. The border shows it in
// most pictures (a bold digit that fills its crop included); but when the
// border is split between two levels, a page photographed with the desk
// along two of its edges, the picture as a whole shows it. Paper darker
// than mid-grey is light if the picture is lighter over most of it (light
// falling off towards the edges) or if the ink stands out darker (a dim
// photo).
func paperIsLight(g, b []float32) bool {
	if mixed(b) {
		return quantile(g, 0.5) > 0.5
	}
	paper := median(b)
	if paper > 0.5 {
		return true
	}
	// A border a little darker than mid-grey around a picture lighter than
	// mid-grey over most of it is light paper lit in the middle, its light
	// falling off towards the edges (a lamp above it, a phone camera's
	// vignetting): by the extremes below, the lit paper stood out as light
	// ink with the digit a hole in it, read as a 0 at 98 %. Dark paper or
	// a board is darker (litBorder), and light ink covers less than half
	// of a picture, unless it is a bold digit cropped close on such a
	// ground.
	if paper > litBorder && quantile(g, 0.5) > 0.5 {
		return true
	}
	// Paper darker than mid-grey is dark paper (light ink on it), or a
	// dim photo of light paper, whose ink is darker still: the ink is the
	// side of the paper that the picture's extremes reach twice as far
	// (noise reaches both sides alike), by an ink's contrast at least (a
	// small digit is under the extremes' quantile, and the noise of a
	// shrunk picture is a grey level or two).
	dark := paper - quantile(g, 0.002)
	return dark >= minOtherLevel && dark > 2*(quantile(g, 0.998)-paper)
}

// litBorder is the grey level over which a border darker than mid-grey
// may be light paper in falling light (paperIsLight): a photo's light
// falling off by half makes paper of 0.9 about 0.45.
const litBorder = 0.3

// mixed says whether the border b holds two things, not paper and its
// noise (mixedBorder).
func mixed(b []float32) bool { return quantile(b, 0.7)-quantile(b, 0.3) > mixedBorder }

// mixedBorder is the spread of the border's middle grey levels (between
// its 30th and 70th percentiles) over which the border is taken to hold
// two things, not paper and its noise (noise of a standard deviation of
// 0.25 spreads them 0.26).
const mixedBorder = 0.3

// sheetCoverage is the share of its hull over which ink found, its holes
// filled, is a sheet of paper or a note, the digit written on it a hole in
// it: a bold 0 left a fifth of a sheet's hull uncovered, and it passed for
// strokes (TestBoldDigitOnASheet). Sheets and notes covered 0.99 of their
// hull once filled. At filledCoverage, four bold digits of 1,000 generated
// uploads (0.87 to 0.90 filled) were taken for sheets and misread.
const sheetCoverage = 0.95

// thinner is how many times thinner than the filled region found on the
// border's side the strokes found on the other side must be.
const thinner = 3

// inkOn is findInk of g, inverted first if invert, refusing ink too small
// to read or that is only a dot (readable; g is the picture enlarged
// grain times). Dark ink that is the lighting's (lighting) is no digit.
// Dark ink found with a shadow's broad parts in it
// (shadeIn) is found again with the shadow taken into the background, if
// that finds ink that is readable; so is dark ink that is a shadow whole,
// with darker ink beside it (shadowTaken), if what is found then holds
// that darker ink. Light ink is taken as found: there the
// broad region fainter than the strokes is as often paper lighter than a
// desk, the digit written on it (TestBoldDigitOnASheet lost 10 of its
// 72), as light.
func inkOn(g []float32, w, h, grain int, invert bool) (ink, error) {
	if invert {
		inv := make([]float32, len(g))
		for i, v := range g {
			inv[i] = 1 - v
		}
		g = inv
	}
	t, err := findInk(g, w, h, grain, nil)
	if err != nil {
		return ink{}, err
	}
	if invert && lighting(t, g, w, h) {
		return ink{}, ErrBlank
	}
	if invert {
		if shade, ok := shadeIn(t, g, w, h); ok {
			if u, err := findInk(g, w, h, grain, shade); err == nil && readable(u, w, h, grain) == nil {
				return u, nil
			}
		} else if shade, darker, ok := shadowTaken(t, g, w, h, grain); ok {
			at := image.Pt((darker.Min.X+darker.Max.X)/2, (darker.Min.Y+darker.Max.Y)/2)
			if u, err := findInk(g, w, h, grain, shade); err == nil && readable(u, w, h, grain) == nil && at.In(u.box.Add(u.origin)) {
				return u, nil
			}
		}
	}
	return t, readable(t, w, h, grain)
}

// lighting says whether dark ink t, found in g (w×h, inverted), is the
// lighting's rather than a pen's: the edge of a soft shadow or a dim
// corner, coming in from the picture's edge, darker than the paper by
// less than minContrast of its light, and either fainter than leastInk,
// or crossing the picture as a thin line (crosses), or where the light
// around it changes by more than half the ink's own contrast
// (lightSpread). A blank page with a soft shadow across it gave its
// shadow's wedge at the edge as a digit, scaled up and read as a 1 at 74 %
// (a new user's look, 2026-12-07). A pale pencil's digit at the edge is as
// faint, but the paper around it is evenly lit: lighting refused it until
// it looked at that light. A line along the picture is left to be refused
// as one (ErrLine: a notebook's faint ruled lines).
func lighting(t ink, g []float32, w, h int) bool {
	if t.paper <= 0.05 || t.level >= minContrast*t.paper || !atEdge(t, w, h) || t.box.Dx() > wideLine*t.box.Dy() {
		return false
	}
	return t.level < leastInk*t.paper || crosses(t, w, h) || lightSpread(t, g, w, h) > t.level/2
}

// crosses says whether ink t reaches two opposite sides of the w×h
// picture as a thin line (its box over crossesThin times as long as it is
// wide): faint (see lighting), it is a fold's crease or the lighting's (a
// crease 6 % darker than the page was read as a 1). A pale digit cropped
// to its own height reaches two sides too, but is wider.
func crosses(t ink, w, h int) bool {
	on, b := sides(t, w, h), t.box
	return on[0] && on[2] && b.Dx() > crossesThin*b.Dy() || on[1] && on[3] && b.Dy() > crossesThin*b.Dx()
}

// crossesThin is how many times longer than it is wide a faint line
// across the picture is (crosses): a crease is thinner; the MNIST test
// set's 1s are 2.9 times as tall as they are wide (the median; 69 of its
// 1,135 over 6, and such a pale 1 cropped to its height is taken for a
// crease).
const crossesThin = 6

// leastInk is the least share of the paper's light by which dark ink from
// the picture's edge must be darker than the paper, however even the
// light around it, as findInk measures it (see minContrast): a pencil a
// twelfth darker than its paper measures about 0.06; a fold's faint
// crease, ruled lines and clumps of noise or JPEG blocks at the edge
// measured 0.013 to 0.038 (a review's photos of blank pages), and the 47
// pale digits the light around them let through 0.044 or more.
const leastInk = 0.04

// lightSpread is how much the light of g (w×h, as lightOf blurs it)
// changes around ink t: from its tenth to its ninetieth percentile, over
// the pixels of t's crop that hold none of its ink. Around a soft
// shadow's edge it is the shadow's depth; on even paper, the noise and
// the lighting's slow gradient. (The blur findInk made is not kept with
// every ink found: it is made again on this rare path.)
func lightSpread(t ink, g []float32, w, h int) float32 {
	light := lightOf(g, w, h)
	var around []float32
	for y := range t.h {
		for x := range t.w {
			if t.v[y*t.w+x] == 0 {
				around = append(around, light[(y+t.origin.Y)*w+x+t.origin.X])
			}
		}
	}
	return quantile(around, 0.9) - quantile(around, 0.1)
}

// minContrast is the least share of the paper's light by which dark ink
// that comes in from the picture's edge is darker than the paper, as
// findInk measures it, under which lighting takes it for the lighting's
// if it is fainter than leastInk, crosses the picture or the light around
// it changes: a soft shadow's edge, where the background estimate left
// some of it, is often less. The measure runs under the ink's own: a
// pencil a fifth darker than its paper measures 0.15 to 0.19 (the light's
// blur and its strokes' soft edges).
const minContrast = 0.15

// readable refuses ink t found in g (w×h, enlarged grain times) that is
// too small to read or only a dot (saying where it is, and its size in the
// picture's own pixels).
func readable(t ink, w, h, grain int) error {
	long := max(t.box.Dx(), t.box.Dy())
	if long < minDigit*grain {
		b := inOwnPixels(t.box.Add(t.origin), grain)
		return fmt.Errorf("the digit found is %d×%d pixels of the %d×%d looked at: %w", b.Dx(), b.Dy(), w/grain, h/grain, ErrSmallDigit)
	}
	if float64(long) < 2.5*strokeWidth(t.v, t.w, t.box) {
		return ErrDot
	}
	return nil
}

// atEdge reports whether the ink found touches the edge of the w×h image.
func atEdge(t ink, w, h int) bool { return sidesReached(t, w, h) > 0 }

// sidesReached is how many of the w×h image's sides ink t reaches.
func sidesReached(t ink, w, h int) int {
	n := 0
	for _, on := range sides(t, w, h) {
		if on {
			n++
		}
	}
	return n
}

// sides says which of the w×h image's sides ink t reaches: its left, top,
// right and bottom.
func sides(t ink, w, h int) [4]bool {
	b := t.box.Add(t.origin)
	return [4]bool{b.Min.X <= 0, b.Min.Y <= 0, b.Max.X >= w, b.Max.Y >= h}
}

// coverage is the share of its box that the ink found covers: its
// pixels over level.
func coverage(t ink, level float32) float64 {
	n := 0
	for y := t.box.Min.Y; y < t.box.Max.Y; y++ {
		for x := t.box.Min.X; x < t.box.Max.X; x++ {
			if t.v[y*t.w+x] > level {
				n++
			}
		}
	}
	return float64(n) / float64(t.box.Dx()*t.box.Dy())
}

// hullCoverage is the share of its convex hull that the ink found covers
// (over half), its holes counted as ink if filled: the hull of each row's
// leftmost and rightmost ink pixels.
func hullCoverage(t ink, filled bool) float64 {
	pts, n := outline(t)
	if filled {
		n += holes(t)
	}
	area := hullArea(pts)
	if area <= 0 {
		return 0
	}
	return float64(n) / area
}

// outline is the corners of each row's leftmost and rightmost ink pixels
// (over half) of ink t, whose convex hull is the ink's, its holes' too (a
// hole has ink on both sides along its row), and how many pixels are ink.
func outline(t ink) (pts [][2]int, n int) {
	for y := t.box.Min.Y; y < t.box.Max.Y; y++ {
		lo, hi := -1, -1
		for x := t.box.Min.X; x < t.box.Max.X; x++ {
			if t.v[y*t.w+x] > 0.5 {
				n++
				if lo < 0 {
					lo = x
				}
				hi = x
			}
		}
		if lo >= 0 {
			pts = rowCorners(pts, lo, hi, y)
		}
	}
	return pts, n
}

// rowCorners appends to pts the corners of the pixels lo to hi of row y,
// whose convex hull, over all rows, is that of the ink there.
func rowCorners(pts [][2]int, lo, hi, y int) [][2]int {
	return append(pts, [2]int{lo, y}, [2]int{hi + 1, y}, [2]int{lo, y + 1}, [2]int{hi + 1, y + 1})
}

// hullArea is the area of the convex hull of pts (Andrew's monotone chain,
// then the shoelace formula).
func hullArea(pts [][2]int) float64 {
	hull := convexHull(pts)
	twice := 0
	for i := range hull {
		a, b := hull[i], hull[(i+1)%len(hull)]
		twice += a[0]*b[1] - b[0]*a[1]
	}
	return math.Abs(float64(twice)) / 2
}

// convexHull is the convex hull of pts, its corners in order (Andrew's
// monotone chain); fewer than three points have none.
func convexHull(pts [][2]int) [][2]int {
	if len(pts) < 3 {
		return nil
	}
	sort.Slice(pts, func(i, j int) bool {
		return pts[i][0] < pts[j][0] || pts[i][0] == pts[j][0] && pts[i][1] < pts[j][1]
	})
	cross := func(o, a, b [2]int) int {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	hull := make([][2]int, 0, 2*len(pts))
	for _, p := range pts { // lower hull
		for len(hull) >= 2 && cross(hull[len(hull)-2], hull[len(hull)-1], p) <= 0 {
			hull = hull[:len(hull)-1]
		}
		hull = append(hull, p)
	}
	lower := len(hull) + 1
	for i := len(pts) - 2; i >= 0; i-- { // upper hull
		for len(hull) >= lower && cross(hull[len(hull)-2], hull[len(hull)-1], pts[i]) <= 0 {
			hull = hull[:len(hull)-1]
		}
		hull = append(hull, pts[i])
	}
	return hull[:len(hull)-1]
}

// rectangleArea is the area of the smallest rectangle, turned any way,
// round the convex polygon hull: one of its sides lies along a side of
// the hull (rotating calipers, each side tried).
func rectangleArea(hull [][2]int) float64 {
	best := math.Inf(1)
	for i := range hull {
		a, b := hull[i], hull[(i+1)%len(hull)]
		ex, ey := float64(b[0]-a[0]), float64(b[1]-a[1])
		n := math.Hypot(ex, ey)
		if n == 0 {
			continue
		}
		ex, ey = ex/n, ey/n
		lo, hi, near, far := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, p := range hull {
			x, y := float64(p[0]-a[0]), float64(p[1]-a[1])
			along, across := x*ex+y*ey, -x*ey+y*ex
			lo, hi, near, far = min(lo, along), max(hi, along), min(near, across), max(far, across)
		}
		best = min(best, (hi-lo)*(far-near))
	}
	return best
}

// holes is how many pixels of ink t's box are not ink (over half) and are
// cut off by it from the box's edge (4-connected): its holes.
func holes(t ink) int {
	b := t.box
	n := 0
	for i, in := range filledRegion(t) {
		if in && t.v[(b.Min.Y+i/b.Dx())*t.w+b.Min.X+i%b.Dx()] <= 0.5 {
			n++
		}
	}
	return n
}

// filledRegion is, for each pixel of ink t's box (row by row), whether it
// is ink (over half) or a hole in it: not reached from the box's edge
// through pixels that are not ink, 4-connected (the paper between ink's
// 8-connected pieces; components, which labels 8-connected pieces, would
// let the paper through a stroke's diagonal step).
func filledRegion(t ink) []bool {
	b := t.box
	w, h := b.Dx(), b.Dy()
	outside := make([]bool, w*h) // reached from the box's edge
	var stack []int
	push := func(x, y int) {
		if x < 0 || y < 0 || x >= w || y >= h {
			return
		}
		i := y*w + x
		if !outside[i] && t.v[(b.Min.Y+y)*t.w+b.Min.X+x] <= 0.5 {
			outside[i] = true
			stack = append(stack, i)
		}
	}
	for x := range w {
		push(x, 0)
		push(x, h-1)
	}
	for y := range h {
		push(0, y)
		push(w-1, y)
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x, y := i%w, i/w
		push(x+1, y)
		push(x-1, y)
		push(x, y+1)
		push(x, y-1)
	}
	for i := range outside {
		outside[i] = !outside[i]
	}
	return outside
}
