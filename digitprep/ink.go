package digitprep

import (
	"image"
	"math"
)

// ink is what preparation learns of an image's ink: its values (w×h, a
// crop of the image around the digit), from 0 on the background to about 1
// in the strokes, with everything that is not the digit set to 0, and the
// digit's bounding box in the crop. The crop leaves room around the digit
// for thickening its strokes.
type ink struct {
	v      []float32
	w, h   int
	box    image.Rectangle
	origin image.Point // where the crop's top left corner is in the image
	level  float32     // the ink's contrast against the background, in grey levels of the image
	floor  float32     // the grey level above the background taken off as noise: v is (grey − floor) / (level − floor)
	// paper is the light of the paper under the digit's strokes, 1 − the
	// background there (of dark ink inverted, as findInk takes it).
	paper float32
	// several says that the picture may hold more than one digit (see
	// digitMask).
	several bool
}

// findInk separates the digit from its background in g (w×h, light ink on
// dark, in [0,1]), the way a person looking at a photo would:
//
//  1. the background, lighting gradients and shadows included, is what is
//     left after removing every bright structure narrower than a third of
//     the image (see background; of the lightly blurred image, so that
//     noise does not drag it down), but with the wedges and corners of a
//     shadow or a desk that come into the picture kept in it, narrower
//     though they are (reachPlateaus); the ink is what stands above it,
//     less the typical offset of the background pixels;
//  2. the noise is the spread of the ink over the whole image (most
//     pixels are background), measured robustly (the median absolute
//     deviation), or, if less, from differences between pixels (noiseOf),
//     which holds when the ink is much of the image; the ink as it stands
//     above the opening alone (see below);
//  3. the digit is the connected component of blurred ink that holds the
//     most ink, with the pieces close to it (a stroke broken by noise or a
//     faint pen); specks, page borders and smudges elsewhere are dropped.
//     Components are grown from ink above 40 % of the strongest down to
//     15 % (and always well above the noise), so that a faint stretch
//     joins a stroke to the rest instead of cutting it off;
//  4. the ink's level is the median ink in the digit's strokes, so that
//     strokes come out near 1 however grey the pen was, and the noise
//     floor is taken off so that the background comes out at 0.
//
// g is the picture enlarged grain times (1: as it is), which the noise's
// measure allows for. shade is nil, or, for dark ink on light paper (g
// inverted), a shadow's darkness over the picture (shadeIn: w×h, in g's
// grey levels), taken into the background, and the ink under it brought
// back to the contrast it has in the light (lit). It returns ErrBlank
// when nothing stands out of the noise.
func findInk(g []float32, w, h, grain int, shade []float32) (ink, error) {
	s := min(w, h)
	light := lightOf(g, w, h)
	bg := background(light, w, h)
	for i, v := range shade {
		bg[i] += v
	}
	// The noise is measured against the opening's background alone: the
	// plateaus' reach sets the background to the light itself down their
	// edges and over much of the plateaus within reach of them, where
	// nothing is left to measure.
	plain, offset := above(light, bg)
	spread := 1.4826 * float64(quantile(absAll(plain), 0.5))
	raw := plain
	bg, reached := reachPlateaus(light, bg, w, h, max(1, s/6), max(1, s/50), max(2, s/28))
	if reached || shade != nil {
		raw = make([]float32, w*h)
		for i := range raw {
			raw[i] = light[i] - bg[i] - offset
			if shade != nil {
				raw[i] *= lit(bg[i], shade[i])
			}
		}
	}

	// The detection map: blurred over about 1/56 of the image, so that
	// scattered noise averages out and a stroke stays one piece.
	r := max(1, s/56)
	d := boxBlur(raw, w, h, r)
	top := float32(0)
	for _, v := range d {
		top = max(top, v)
	}
	// Pixels of a picture enlarged grain times (enlarge) share their noise
	// within 2·grain of each other.
	dPlain := d
	if reached {
		dPlain = boxBlur(plain, w, h, r)
	}
	dSpread := math.Min(1.4826*float64(quantile(absAll(dPlain), 0.5)), noiseOf(dPlain, w, h, 2*(r+max(1, s/100))+1+2*(grain-1)))
	// Seeds stand 5 noise spreads above the background: the blurred noise
	// of a plain sheet's photo reaches 4 somewhere in over a third of such
	// pictures (TestPlainPaperIsNoDigit), which then showed a speck as the
	// digit.
	high := max(0.4*top, float32(5*dSpread))
	if top < 1.0/255 || top <= high {
		return ink{}, ErrBlank
	}
	keep, several := digitMask(d, w, h, top, high, max(0.15*top, float32(3*dSpread)))
	if keep == nil {
		return ink{}, ErrBlank
	}

	// The ink's level: the median ink where the digit's blurred ink is
	// strong (the digit, the component with the most ink, need not hold the
	// image's strongest pixel).
	digitTop := float32(0)
	for i, k := range keep {
		if k {
			digitTop = max(digitTop, d[i])
		}
	}
	var strong, under []float32
	for i, k := range keep {
		if k && d[i] > 0.6*digitTop {
			strong = append(strong, raw[i])
			under = append(under, bg[i])
		}
	}
	if len(strong) == 0 {
		return ink{}, ErrBlank
	}
	level := float64(quantile(strong, 0.5))
	floor := math.Min(2*spread, 0.3*level)
	if level-floor < 1.0/255 {
		return ink{}, ErrBlank
	}
	// Crop around the digit, leaving room to thicken its strokes, and keep
	// its pixels with a margin for the blur's reach.
	var kb image.Rectangle
	for i, k := range keep {
		if k {
			kb = kb.Union(image.Rect(i%w, i/w, i%w+1, i/w+1))
		}
	}
	m := max(r+1, max(kb.Dx(), kb.Dy())/4)
	crop := kb.Inset(-m).Intersect(image.Rect(0, 0, w, h))
	out := ink{w: crop.Dx(), h: crop.Dy(), origin: crop.Min, level: float32(level), floor: float32(floor), paper: 1 - quantile(under, 0.5), several: several}
	near := make([]float32, out.w*out.h)
	for y := 0; y < out.h; y++ {
		for x := 0; x < out.w; x++ {
			if keep[(y+crop.Min.Y)*w+x+crop.Min.X] {
				near[y*out.w+x] = 1
			}
		}
	}
	near = maxFilter(near, out.w, out.h, r+1)
	out.v = make([]float32, out.w*out.h)
	for y := 0; y < out.h; y++ {
		for x := 0; x < out.w; x++ {
			if near[y*out.w+x] > 0 {
				v := float64(raw[(y+crop.Min.Y)*w+x+crop.Min.X])
				out.v[y*out.w+x] = float32(math.Max(0, math.Min(1, (v-floor)/(level-floor))))
			}
		}
	}
	out.box = inkBox(out.v, out.w, out.h)
	if out.box.Empty() {
		return ink{}, ErrBlank
	}
	return out, nil
}

// lightOf is g (w×h) lightly blurred, over a hundredth of its shorter
// side, so that noise does not drag the background's estimate down.
func lightOf(g []float32, w, h int) []float32 {
	return boxBlur(g, w, h, max(1, min(w, h)/100))
}

// above is how far light stands above the background bg, less the
// median of that over the picture (offset): the background's pixels come
// out about 0.
func above(light, bg []float32) (plain []float32, offset float32) {
	plain = make([]float32, len(light))
	for i := range plain {
		plain[i] = light[i] - bg[i]
	}
	offset = quantile(plain, 0.5)
	for i := range plain {
		plain[i] -= offset
	}
	return plain, offset
}

// inkBox is the box of the pixels of v (w×h) over half.
func inkBox(v []float32, w, h int) image.Rectangle { return boxOver(v, w, h, 0.5) }

// boxOver is the box of the pixels of v (w×h) over level.
func boxOver(v []float32, w, h int, level float32) image.Rectangle {
	var b image.Rectangle
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if v[y*w+x] > level {
				b = b.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return b
}

// background is the grey opening of light over a window a third of its
// shorter side wide, carried on to the borders where it rises towards them
// in pictures of minCarried pixels or more (toBorders), smoothed over the
// same window: what is left when every structure narrower than that, the
// strokes, is taken away. It holds no structure narrower than the window,
// so it is computed on a copy at most 128 pixels on its shorter side and
// scaled back up.
func background(light []float32, w, h int) []float32 {
	k := max(1, min(w, h)/128)
	small, sw, sh := downsample(light, w, h, k)
	win := max(2, min(sw, sh)/6)
	open := opening(small, sw, sh, win)
	if max(w, h) >= minCarried {
		open = toBorders(open, small, sw, sh, win)
	}
	bg := boxBlur(open, sw, sh, win)
	// The blur takes the edge of a dark region wider than the window (a
	// shadow, the desk around a page) into the light beside it, which would
	// then stand out of the background as a rim of ink: where the opening
	// is higher than its blur, it is the background. And it spreads a
	// light region over a dark one narrower than the window (a sticky
	// note small in a large photo, dark where its ink is light, on a
	// lighter desk), which would hide the ink on it: the blur lifts the
	// background above the opening by maxLift at most.
	for i, o := range open {
		bg[i] = min(max(bg[i], o), o+maxLift)
	}
	return upsample(bg, sw, sh, w, h, k)
}

// maxLift is the most, in grey levels, that smoothing may lift the
// background above its opening. Smoothing smooth light lifts it no more:
// 0.1 at most on a blank page lit from the middle whose corners get 55 % of the
// middle's light (blankPage with a vignette of 0.45). Ink on a dark region
// narrower than the window loses at most maxLift of its contrast to it.
const maxLift = 0.1

// downsample averages k×k blocks of g (w×h; the last blocks may be
// smaller).
func downsample(g []float32, w, h, k int) ([]float32, int, int) {
	if k == 1 {
		return g, w, h
	}
	sw, sh := (w+k-1)/k, (h+k-1)/k
	sum := make([]float32, sw*sh)
	n := make([]float32, sw*sh)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum[(y/k)*sw+x/k] += g[y*w+x]
			n[(y/k)*sw+x/k]++
		}
	}
	for i := range sum {
		sum[i] /= n[i]
	}
	return sum, sw, sh
}

// upsample scales small (sw×sh, blocks of k×k pixels of a w×h image) back
// to w×h, bilinearly between the blocks' centres.
func upsample(small []float32, sw, sh, w, h, k int) []float32 {
	if k == 1 {
		return small
	}
	out := make([]float32, w*h)
	for y := 0; y < h; y++ {
		fy := math.Max(0, math.Min(float64(sh-1), (float64(y)+0.5)/float64(k)-0.5))
		y0 := min(int(fy), sh-1)
		y1, ty := min(y0+1, sh-1), float32(fy-float64(y0))
		for x := 0; x < w; x++ {
			fx := math.Max(0, math.Min(float64(sw-1), (float64(x)+0.5)/float64(k)-0.5))
			x0 := min(int(fx), sw-1)
			x1, tx := min(x0+1, sw-1), float32(fx-float64(x0))
			out[y*w+x] = (1-ty)*((1-tx)*small[y0*sw+x0]+tx*small[y0*sw+x1]) + ty*((1-tx)*small[y1*sw+x0]+tx*small[y1*sw+x1])
		}
	}
	return out
}

// noiseOf is the standard deviation of the noise in v (w×h), from the
// differences between pixels step apart, farther than the blurs that made v
// reach, so that their noise is independent. Unlike the spread of v's
// values, it holds when the ink covers much of the picture, as a digit
// cropped to its ink does (a 0's ring, its hole and the corners): the
// differences are those of the noise everywhere but across the ink's
// edges.
func noiseOf(v []float32, w, h, step int) float64 {
	// An even grid of the pixels, a few thousand differences: enough for
	// their median. (Every n-th pixel in reading order would fall in a few
	// columns when n divides the width.)
	const samples = 4096
	every := max(1, int(math.Ceil(math.Sqrt(float64(w*h)/(samples/2)))))
	diffs := make([]float32, 0, samples+2*(w+h))
	for y := 0; y < h; y += every {
		for x := 0; x < w; x += every {
			i := y*w + x
			if x+step < w {
				diffs = append(diffs, float32(math.Abs(float64(v[i+step]-v[i]))))
			}
			if y+step < h {
				diffs = append(diffs, float32(math.Abs(float64(v[i+step*w]-v[i]))))
			}
		}
	}
	if len(diffs) == 0 {
		return math.Inf(1)
	}
	return 1.4826 * float64(quantile(diffs, 0.5)) / math.Sqrt2
}

func absAll(v []float32) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(math.Abs(float64(x)))
	}
	return out
}

// piece is a connected piece of ink that digitMask finds.
type piece struct {
	mass float64
	box  image.Rectangle
	edge [4]int // pixels on the image's left, top, right and bottom edges
	// along says which of those edges it runs along (bandShare of them or
	// more); pixels, and near, those of them within a quarter of the
	// image's shorter side of such an edge
	along        [4]bool
	pixels, near int
	rim          int // sides of its pixels that face others within the image
	// cover is the share of its convex hull that the piece fills. It is
	// measured on the detection map (blurred, grown down to its low
	// threshold), where a small digit's holes are filled too: a digit, a 1
	// most of all, may fill its hull there (see blob).
	cover float64
}

// fills says that a piece that touches two edges of the image that meet
// (corner) fills its convex hull, more than filledCoverage of it, as the
// desk at a corner of a page turned on it does, cut by the page's edge and
// the picture's.
func (c piece) fills() bool { return c.corner() && c.cover > filledCoverage }

// thick is the width of the piece's strokes: twice its area over its rim,
// as strokeWidth measures it, but with the sides on the image's edge left
// out of the rim (a thumb cut by the edge is as thick as it looks).
func (c piece) thick() float64 { return 2 * float64(c.pixels) / float64(max(1, c.rim)) }

// long is the longer side of the piece's box.
func (c piece) long() int { return max(c.box.Dx(), c.box.Dy()) }

// strokes says whether the piece is of strokes: strokesLong times as long
// as they are wide (thick) or more.
func (c piece) strokes() bool { return float64(c.long()) >= strokesLong*c.thick() }

// hiddenDigit says whether piece c, which the second look over the
// strongest ink of a w×h photo's bands found (digitMask), passes for a
// digit that a band hid: of strokes, where the band's strongest part, a
// vignette's corner, is a blob; not lying on an edge, as the band's wedges
// do (hugsEdge); of a digit's size (digitSized). A small digit's strokes,
// blurred, are too wide to pass: those are still left out.
func hiddenDigit(c piece, w, h int) bool {
	return c.strokes() && !c.hugsEdge() && digitSized(c, w, h)
}

// hugsEdge says whether the piece lies on an edge of the image for most
// of its length (hugShare of its box's longer side or more): a wedge of
// lighting along the edge, that the second look over a band's strongest
// ink found as strokes, was taken for a 1 (a review's 2,300 generated
// photos, 2026-12-07: 59 of the 71 blank pages that the second look,
// strokes alone, gave a digit in, against 2 of the 70 digits it found).
func (c piece) hugsEdge() bool {
	for _, n := range c.edge {
		if float64(n) >= hugShare*float64(c.long()) {
			return true
		}
	}
	return false
}

// hugShare is the share of its longer side along which a piece that lies
// on an edge touches it.
const hugShare = 0.9

// digitSized says whether the piece's longer side is leastHidden to
// mostHidden of the w×h picture's shorter side, as a digit hidden in a
// band of lighting is. Pieces outside those bounds that the second look
// over a band's strongest ink found were the lighting's: a speck of it, or
// the band down a whole side (5 of the 12 blank pages left of the 71
// above, none of the 70 digits).
func digitSized(c piece, w, h int) bool {
	long, side := float64(c.long()), float64(min(w, h))
	return long >= leastHidden*side && long <= mostHidden*side
}

// The least and the most share of a picture's shorter side that a digit
// hidden in a band of lighting spans (digitSized).
const (
	leastHidden = 0.1
	mostHidden  = 0.75
)

// clear says whether the piece is clear of the edges of a w×h image.
func (c piece) clear(w, h int) bool {
	return c.box.Min.X > 0 && c.box.Min.Y > 0 && c.box.Max.X < w && c.box.Max.Y < h
}

// digitMask marks the connected components (8-connected) of d > low that
// reach above high and make the digit: the one with the most ink, and any
// other with at least a twentieth of its ink within a quarter of its size
// of it (a broken stroke's pieces are closer; a mark beside the digit, at
// half its size, was taken with it). It returns nil when nothing is above
// high, and says whether the picture may hold more than one digit: two of
// the components it marks, each with at least a quarter of the most ink,
// side by side (neither above the other), as the digits of "42" are; or a
// component it leaves out with a quarter of the most ink or more (the
// others of "7 1 3"). Bands of lighting or desk at the border are left
// out, and so is what lies beside a digit and is not one: a thumb coming
// in from the edge, a screenshot's button, the desk at each corner of a
// turned page, a pen (blob). In a photo whose ink is all such bands, it
// looks again over secondLook of the strongest ink (top) for a digit the
// bands hid (hiddenDigit), and else returns nil.
func digitMask(d []float32, w, h int, top, high, low float32) ([]bool, bool) {
	keep, several, _, bands := maskAt(d, w, h, high, low)
	if !bands {
		return keep, several
	}
	// Only bands, in a photo: lighting at its edges, or a faint digit
	// that touches the band at an edge (a vignette's) and is one piece
	// with it. The digit stands out of the band over its strongest ink.
	if next := secondLook * top; low < next {
		if keep, several, c, bands := maskAt(d, w, h, next, next); !bands && keep != nil && hiddenDigit(c, w, h) {
			return keep, several
		}
	}
	return nil, false
}

// secondLook is the share of the strongest ink (the detection map's top)
// over which digitMask looks again for a digit in a photo whose ink is all
// bands.
const secondLook = 0.5

// maskAt is digitMask's one look at d over high and low: the pieces it
// keeps and whether they may be several digits, the main one (zero when
// none), and whether, in a photo, every piece was a band (then it keeps
// none).
func maskAt(d []float32, w, h int, high, low float32) ([]bool, bool, piece, bool) {
	label, count := components(d, w, h, high, low) // 0: not above the threshold
	comps := make([]piece, count+1)                // component n is comps[n]
	for i, n := range label {
		if n == 0 {
			continue
		}
		c := &comps[n]
		x, y := i%w, i/w
		c.mass += float64(d[i])
		c.box = c.box.Union(image.Rect(x, y, x+1, y+1))
		for e, on := range [4]bool{x == 0, y == 0, x == w-1, y == h-1} {
			if on {
				c.edge[e]++
			}
		}
	}
	if len(comps) == 1 {
		return nil, false, piece{}, false // nothing above high
	}
	// A band runs along half an edge or more and lies near the edges it
	// runs along (a desk, a shadow, lighting at the edges), unlike a
	// digit's stroke along an edge, from which the digit goes on inwards.
	for n := range comps {
		c := &comps[n]
		for e, length := range [4]int{h, w, h, w} {
			c.along[e] = float64(c.edge[e]) >= bandShare*float64(length)
		}
	}
	depth := min(w, h) / 4
	for i, n := range label {
		if n == 0 {
			continue
		}
		c := &comps[n]
		c.pixels++
		x, y := i%w, i/w
		for _, nb := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
			if nb[0] >= 0 && nb[1] >= 0 && nb[0] < w && nb[1] < h && label[nb[1]*w+nb[0]] != n {
				c.rim++
			}
		}
		if c.along[0] && x < depth || c.along[1] && y < depth || c.along[2] && x >= w-depth || c.along[3] && y >= h-depth {
			c.near++
		}
	}
	hulls(comps, label, w, h)
	// Pieces left out: bands at the border, and the heaviest piece while it
	// is a blob beside another (blobBeside).
	out := make([]bool, len(comps))
	for n, c := range comps {
		out[n] = float64(c.near) >= bandNear*float64(c.pixels)
	}
	// The digit is the heaviest piece that is not left out; when all are,
	// as when the digit touches a lighting band at the edge and is one
	// piece with it, the heaviest.
	heaviest := func(skip bool) int {
		main := 0
		for n := 1; n < len(comps); n++ {
			if !(skip && out[n]) && comps[n].mass > comps[main].mass {
				main = n
			}
		}
		return main
	}
	main := heaviest(true)
	// In turn, as a turned page has desk at each corner of the picture.
	for main != 0 && blobBeside(main, comps, out, w, h) {
		out[main] = true
		main = heaviest(true)
	}
	// A box or a ring round the digit, too far from it to be within its
	// reach (a form's box, a frame's inner line): what it holds is the
	// digit (dropMarks takes those drawn close).
	for range 2 { // a ring in a box
		inner, ok := heldBy(main, comps, label, out, w, h)
		if !ok {
			break
		}
		out[main] = true
		main = inner
	}
	someKept := main != 0 // a piece not left out was found; then those left out stay out
	if !someKept {
		if min(w, h) >= photoSide {
			return nil, false, piece{}, true // only bands, in a photo: see digitMask
		}
		main = heaviest(false)
	}
	chosen := make([]bool, len(comps))
	chosen[main] = true
	box := comps[main].box
	reach := max(box.Dx(), box.Dy()) / 4
	for n := 1; n < len(comps); n++ {
		c := comps[n]
		if n != main && !(someKept && out[n]) && c.mass >= comps[main].mass/20 && gap(c.box, comps[main].box) <= reach && !blob(c, comps[main], w, h) {
			chosen[n] = true
		}
	}
	keep := make([]bool, w*h)
	for i, n := range label {
		keep[i] = n != 0 && chosen[n]
	}
	several := false
	large := func(n int) bool { return comps[n].mass >= comps[main].mass/4 && !(someKept && out[n]) }
	for a := 1; a < len(comps); a++ {
		ca := comps[a]
		if large(a) && !chosen[a] {
			several = true
		}
		for b := a + 1; b < len(comps); b++ {
			cb := comps[b]
			if chosen[a] && chosen[b] && large(a) && large(b) && (ca.box.Max.X <= cb.box.Min.X || cb.box.Max.X <= ca.box.Min.X) {
				several = true
			}
		}
	}
	return keep, several, comps[main], false
}

// heldBy finds the piece that piece main (of the pieces of a w×h image,
// labelled by label; none left out) is drawn round: the heaviest inside its
// box with at least a twentieth of its ink and a sixth of its size (and a
// digit's), of strokes (strokesLong), whose centre main surrounds. The dot
// in a dotted 0 is no digit held by a ring.
func heldBy(main int, pieces []piece, label []int32, out []bool, w, h int) (int, bool) {
	if main == 0 {
		return 0, false
	}
	m := pieces[main]
	inside := m.box.Inset(1)
	best := 0
	for n, c := range pieces {
		if n == 0 || n == main || out[n] || !c.box.In(inside) || c.mass < m.mass/20 ||
			c.long() < max(minDigit, m.long()/6) || !c.strokes() {
			continue
		}
		if (best == 0 || c.mass > pieces[best].mass) && surrounds(label, int32(main), w, h, image.Pt((c.box.Min.X+c.box.Max.X)/2, (c.box.Min.Y+c.box.Max.Y)/2)) {
			best = n
		}
	}
	return best, best != 0
}

// strokesLong is how many times its strokes' width (piece.thick) a piece
// of strokes is long at least: a dot is twice its own.
const strokesLong = 4

// blobBeside says whether piece main (of the pieces of a w×h image,
// those not left out) is not the digit but something beside it (blob),
// one with a fiftieth of its ink or more.
func blobBeside(main int, pieces []piece, out []bool, w, h int) bool {
	for n, c := range pieces {
		if n != 0 && n != main && !out[n] && c.mass >= pieces[main].mass/50 && blob(pieces[main], c, w, h) {
			return true
		}
	}
	return false
}

// blob says whether piece b is something beside the digit that piece d,
// long enough to be a digit, is: a button or a label of a screenshot, a
// sticker (b is boxy, d not); a pen lying beside it (penBeside); or a
// thumb or a finger holding the paper, or a shadow, coming in from the
// image's edge, beside d clear of the edges and of strokes at least
// thinner times thinner (a thumb is about as wide as a digit is high);
// or, filling its hull at a corner of the image (piece.fills), the desk
// at a corner of a page turned on it, beside d at least wedgeWider times
// thinner. For a piece that fills its hull, thick measures how broad it
// is, not a stroke: a digit at the picture's corner that fills its hull
// at the detection's blur (a 1, most often) is as broad as a wedge, and is
// left out beside a mark or a second digit; any piece at the picture's
// edge that fills its hull, taken for a wedge, lost far more digits at an
// edge (docs/preparation.md has the counts).
func blob(b, d piece, w, h int) bool {
	if max(d.box.Dx(), d.box.Dy()) < 2*minDigit {
		return false
	}
	if b.boxy() && !d.boxy() || b.penBeside(d, w, h) {
		return true
	}
	if b.clear(w, h) || !d.clear(w, h) {
		return false
	}
	return d.thick()*thinner <= b.thick() || b.fills() && d.thick()*wedgeWider <= b.thick()
}

// penBeside says whether piece b is a pen or a pencil lying beside the
// digit d of a w×h picture, which was written with it: a straight bar,
// far longer than the digit and slender, no thinner than its strokes,
// beside a digit that is no dot and spans a share of the picture. Each
// bound keeps a bold 1 from being left out beside a mark (a tick, a dash,
// a minus, a dot), which is then read instead of it; the bar's length is
// its box's diagonal, so that a pen lying at a slant measures its length.
func (b piece) penBeside(d piece, w, h int) bool {
	length := math.Hypot(float64(b.box.Dx()), float64(b.box.Dy()))
	bar := b.cover >= barCoverage
	longer := length >= penLonger*float64(d.long())
	slender := length >= penSlender*b.thick()
	broad := b.thick() >= d.thick()
	noDot := float64(d.long()) >= dotLong*d.thick()
	seen := float64(d.long()) >= penDigitShare*float64(min(w, h))
	return bar && longer && slender && broad && noDot && seen
}

// barCoverage is the share of its convex hull that a pen's piece fills at
// least: a straight bar fills about all of it (pens beside digits, at the
// detection's blur: 0.91 to 0.98), a digit's strokes less, except a 1's.
const barCoverage = 0.9

// penLonger is how many times longer than the digit a straight bar must be
// to be a pen lying beside it: a pen (about 140 mm) is 5 to 14 times as
// long as a digit written on paper (10 to 25 mm high); TestMarkedDigit's
// short stroke beside a 1 is 2.6 to 2.8 times shorter than the 1 at the
// detection's blur. A pen cut short by the picture's edge is not told
// from a 1, and is still taken for the digit or with it.
const penLonger = 4

// penSlender is how many times as long as it is thick (piece.thick) a pen
// must be, and a bold 1 is not. The detection's blur widens both: pens
// beside digits measured 6.5 to 19, bold 1s that a first version left out
// beside a mark a fifth of their length 5.3 to 8.8 (docs/preparation.md).
// The stubbier pens are given up for the 1s. A 1 drawn with a fine pen
// across much of the picture is as slender as a pen: beside a mark a
// quarter of its length or less, and a tenth of the picture, the mark is
// read instead.
const penSlender = 9

// dotLong is how many times as long as its strokes are wide (piece.thick)
// the digit beside a pen is at least: a dot's is 2. It is not strokesLong
// (4): a digit at the detection's blur measures 3.3 and up.
const dotLong = 3

// penDigitShare is the least share of the picture's shorter side that the
// digit beside a pen spans: a digit photographed with the pen beside it
// spans more (TestPenBesideTheDigit's: 0.14 to 0.23), a mark beside a bold
// 1 that fills the picture less (TestMarkedDigit's stroke: 0.09).
const penDigitShare = 0.1

// wedgeWider is how many times broader than the digit's strokes (both
// piece.thick) the desk at a corner of a turned page must be to be left
// out (TestPageTurnedOnADesk measures the wedges' breadth).
const wedgeWider = 1.5

// hulls measures how much of its convex hull each piece (labelled by
// label in a w×h image) fills (piece.cover): the hull of each row's
// leftmost and rightmost pixels, worked out in one pass over the rows.
func hulls(pieces []piece, label []int32, w, h int) {
	first, last := make([]int, len(pieces)), make([]int, len(pieces))
	for n := range first {
		first[n] = -1
	}
	pts := make([][][2]int, len(pieces))
	var seen []int32
	for y := range h {
		seen = seen[:0]
		for x, n := range label[y*w : (y+1)*w] {
			if n == 0 {
				continue
			}
			if first[n] < 0 {
				first[n] = x
				seen = append(seen, n)
			}
			last[n] = x
		}
		for _, n := range seen {
			pts[n] = rowCorners(pts[n], first[n], last[n], y)
			first[n] = -1
		}
	}
	for n := range pieces {
		if area := hullArea(pts[n]); area > 0 {
			pieces[n].cover = float64(pieces[n].pixels) / area
		}
	}
}

// corner says whether the piece touches two edges of the image that meet.
func (c piece) corner() bool {
	for e := range c.edge {
		if c.edge[e] > 0 && c.edge[(e+1)%4] > 0 {
			return true
		}
	}
	return false
}

// boxy says whether the piece fills nearly all of its box and is at least
// as wide as it is high: a button or a label of a screenshot, a sticker, a
// square blot, not a digit's strokes (a 1 drawn as a bar is taller than
// wide).
func (c piece) boxy() bool {
	return c.box.Dx() >= c.box.Dy() && float64(c.pixels) >= boxyShare*float64(c.box.Dx()*c.box.Dy())
}

// boxyShare is the share of its box a boxy piece fills, at the detection
// blur (a digit's strokes fill at most about three quarters).
const boxyShare = 0.9

// bandShare is how much of one of the image's edges ink must run along
// (and lie near it, bandNear) to be a band at its border (a desk, a page's
// edge, a shadow), not the digit: digitMask takes no band as a piece of
// the digit, unless there is nothing else.
const bandShare = 0.5

// bandNear is the share of a band's pixels that lie within a quarter of
// the image's shorter side of the edges it runs along.
const bandNear = 0.8

// photoSide is the shorter side, in pixels of the image looked at, from
// which digitMask takes an image for a photo, in which ink that runs along
// its edges and nothing else is lighting (a gradient or a vignette that the
// background's estimate, cut at the edges, leaves), not a digit; in a
// smaller crop a digit that fills the frame runs along its edges.
const photoSide = 128

// gap is the distance between two rectangles along the axis that
// separates them most; 0 when they overlap.
func gap(a, b image.Rectangle) int {
	dx := max(0, max(a.Min.X-b.Max.X, b.Min.X-a.Max.X))
	dy := max(0, max(a.Min.Y-b.Max.Y, b.Min.Y-a.Max.Y))
	return max(dx, dy)
}
