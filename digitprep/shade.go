package digitprep

import (
	"image"
	"math"
)

// A shadow across the page (an arm's, a hand's, a phone's, a pen's) that
// is narrower than the background's window is not taken into the
// background (background), and stands out as ink as much as a pencil's
// strokes do: a band through the digit came out as a bar across it, or
// was taken for the digit, with the digit beside it left out. What tells
// it from the digit's strokes is that it is broad and fainter: parts of
// the dark ink found that a grey opening leaves, of radius shadeWider
// times the width of its strokes (its ink over 0.8, strokeWidth) and a
// pixel (2.5 times as wide as the strokes and 3 to 5 pixels more, or
// wider), faint themselves (not the edges of a bold stroke that the
// opening wore down), between shadeLow and shadeHigh of its level (with a
// black pen on white paper, a shadow of about a third to four fifths of
// the light), and holding shadeShare of its ink or more. Then those parts
// of the whole picture, grey-opened at the same width, that lie on the
// ink found and come in from beyond it (cast by an arm or a phone outside
// it, not the faint strokes of a digit inside a dark ring drawn round it)
// are taken for the shadow: its darkness is added to the background, and
// the ink under it is given back the contrast it has in the light (lit).
// A bold digit's strokes, as strong as the rest of its ink, are not a
// shadow, nor is a blot of ink; strokes a pixel or two wide at the work
// scale have no core over 0.8 once blurred, and are left as found.
const (
	shadeWider = 1.25
	shadeLow   = 0.2
	shadeHigh  = 0.75
	shadeShare = 0.15
)

// shadeIn is the shadow's darkness over the picture g (w×h, dark ink
// inverted to light on dark, as findInk takes it) in which ink t was
// found, in g's grey levels, when t holds a shadow's broad parts (see
// shadeWider); ok is false when it does not.
func shadeIn(t ink, g []float32, w, h int) (shade []float32, ok bool) {
	// The faint parts' ink bounds the broad faint parts' (an opening is
	// nowhere above what it opens): most digits are refused here, before
	// the blur and the opening.
	var faintInk, all float64
	for _, v := range t.v {
		all += float64(v)
		if v >= shadeLow && v <= shadeHigh {
			faintInk += float64(v)
		}
	}
	if all == 0 || faintInk < shadeShare*all {
		return nil, false
	}
	// The strokes' core, lightly blurred first: noise speckles a noisy
	// one's, and its measured width would shrink.
	strokes := make([]float32, len(t.v))
	for i, v := range boxBlur(t.v, t.w, t.h, 1) {
		if v > 0.8 {
			strokes[i] = 1
		}
	}
	sw := strokeWidth(strokes, t.w, t.box)
	if sw <= 0 {
		return nil, false
	}
	r := int(math.Ceil(shadeWider*sw)) + 1
	broad := opening(t.v, t.w, t.h, r)
	var faint float64
	for i, v := range t.v {
		if b := broad[i]; b >= shadeLow && b <= shadeHigh && v <= shadeHigh {
			faint += float64(b)
		}
	}
	if faint < shadeShare*all {
		return nil, false
	}
	// The same over the whole picture, in its grey levels above the
	// background as findInk measures them, at the same shares of the ink's
	// level above its floor (t.v's 0).
	light := lightOf(g, w, h)
	plain, _ := above(light, background(light, w, h))
	shade = opening(plain, w, h, r)
	lo, hi := t.floor+shadeLow*(t.level-t.floor), t.floor+shadeHigh*(t.level-t.floor)
	for i, v := range shade {
		if v < lo || v > hi {
			shade[i] = 0
		}
	}
	if !castOn(shade, w, h, t) {
		return nil, false
	}
	// Its soft edges too, a pixel or two beyond where the opening ends.
	return boxBlur(maxFilter(shade, w, h, 1), w, h, 1), true
}

// castOn keeps, of the pieces of shade (w×h, 0 where there is none), those
// that lie on ink t and reach beyond t's crop or to the picture's edge,
// and says whether it kept any.
func castOn(shade []float32, w, h int, t ink) bool {
	label, n := components(shade, w, h, 0, 0)
	crop := image.Rect(0, 0, t.w, t.h).Add(t.origin)
	on, beyond := make([]bool, n+1), make([]bool, n+1)
	for i, l := range label {
		if l == 0 {
			continue
		}
		p := image.Pt(i%w, i/w)
		if !p.In(crop) || p.X == 0 || p.Y == 0 || p.X == w-1 || p.Y == h-1 {
			beyond[l] = true
		} else if t.v[(p.Y-crop.Min.Y)*t.w+p.X-crop.Min.X] > 0 {
			on[l] = true
		}
	}
	kept := false
	for i, l := range label {
		if on[l] && beyond[l] {
			kept = true
		} else {
			shade[i] = 0
		}
	}
	return kept
}

// opening is the grey opening of g (w×h) over a (2r+1)² window: what
// is left of it when every structure narrower than the window is taken
// away.
func opening(g []float32, w, h, r int) []float32 {
	return maxFilter(minFilter(g, w, h, r), w, h, r)
}

// lit is the factor that gives ink under a shadow, in a picture of dark
// ink inverted (grey levels 1 − luminance), the contrast it has in the
// light: the light on the paper beside the shadow (1 − bg + shade) over
// the light on the paper in it (1 − bg), bg the background with the
// shadow's darkness shade in it, as a shadow dims ink and paper alike.
// It is at most maxLit.
func lit(bg, shade float32) float32 {
	local := 1 - bg
	if shade <= 0 || local < 0.05 {
		return 1
	}
	return min(maxLit, (local+shade)/local)
}

// maxLit is the most that lit brings ink under a shadow up by: a shadow
// of a third of the light.
const maxLit = 3

// A shadow can also be taken for the digit whole: an arm's band across
// the page, broader and holding more ink than a small digit beside it
// (digitMask takes the piece with the most ink), was read as a 1, or, as
// wide as the picture, refused as a line. What tells it is that it is a
// band cast across the picture, reaching two of its sides and filling
// bandCoverage of its hull or more (a digit's strokes do not, but for a
// broad 1's), and that the picture holds darker ink, a pen's, as large as
// a digit: a piece of it, darkerInk times as strong as the ink found,
// whose strokes are far narrower (the ink found broaderThan times as
// wide, or more). Then the ink found, where it lies between shadeLow and
// shadeHigh of that darker ink's level, and comes in from beyond it
// (castOn), is the shadow. The digit found once it is taken into the
// background must hold that darker ink: on a noisy digit touching the
// edge, the noise's peaks on its strokes can pass for it.
//
// Without the band's shape, a grey felt-tip's digit running into the
// picture's edge, with a black ballpoint's tick or line elsewhere, was
// taken for a shadow and the tick read in its place (a review's probe:
// 174 of 576 such photos lost; TestGreyDigitAtTheEdgeBesideAPenMark).
const (
	darkerInk    = 1.6
	broaderThan  = 2.5
	bandCoverage = 0.8
)

// shadowTaken is the darkness of the shadow that ink t, found in g (w×h,
// enlarged grain times, dark ink inverted to light on dark), is, and where
// the darker ink is (see darkerInk); ok is false when t is no such shadow.
func shadowTaken(t ink, g []float32, w, h, grain int) (shade []float32, darker image.Rectangle, ok bool) {
	if sidesReached(t, w, h) < 2 || hullCoverage(t, false) <= bandCoverage {
		return nil, image.Rectangle{}, false
	}
	light := lightOf(g, w, h)
	bg := background(light, w, h)
	// The darker ink measured unblurred: a small digit's strokes, a pixel
	// or two wide, lose half their contrast in the light's blur.
	sharp, _ := above(g, bg)
	level := float32(darkerInk) * t.level
	label, n := components(sharp, w, h, level, level)
	boxes, sizes := make([]image.Rectangle, n+1), make([]int, n+1)
	for i, l := range label {
		if l > 0 {
			boxes[l] = boxes[l].Union(image.Rect(i%w, i/w, i%w+1, i/w+1))
			sizes[l]++
		}
	}
	best := 0 // the largest piece
	for l := 1; l <= n; l++ {
		if sizes[l] > sizes[best] {
			best = l
		}
	}
	b := boxes[best]
	if best == 0 || max(b.Dx(), b.Dy()) < minDigit*grain || b.Dx() > wideLine*b.Dy() {
		return nil, image.Rectangle{}, false
	}
	piece := make([]float32, w*h)
	var values []float32
	for i, l := range label {
		if int(l) == best {
			piece[i] = 1
			values = append(values, sharp[i])
		}
	}
	if strokeWidth(t.v, t.w, t.box) < broaderThan*strokeWidth(piece, w, b) {
		return nil, image.Rectangle{}, false
	}
	// The shadow in the grey levels findInk measures the ink in (of the
	// blurred light), at shadeIn's shares of the darker ink's level.
	plain, _ := above(light, bg)
	dark := quantile(values, 0.5)
	lo, hi := t.floor+shadeLow*(dark-t.floor), t.floor+shadeHigh*(dark-t.floor)
	shade = make([]float32, w*h)
	for y := range t.h {
		for x := range t.w {
			i := (y+t.origin.Y)*w + x + t.origin.X
			if v := plain[i]; t.v[y*t.w+x] > 0 && v >= lo && v <= hi {
				shade[i] = v
			}
		}
	}
	if !castOn(shade, w, h, t) {
		return nil, image.Rectangle{}, false
	}
	return boxBlur(maxFilter(shade, w, h, 1), w, h, 1), b, true
}
