// Package digitprep turns an image of a digit, as a person uploads it (a
// photo, a scan, a screenshot, a drawing), into the autoencoder's input the
// way MNIST was made (LeCun, Cortes and Burges, "The MNIST database": each
// digit size-normalised to fit a 20×20 box preserving its aspect ratio,
// anti-aliased, and centred by its centre of mass in 28×28). Before that it
// does what MNIST's makers did by scanning clean forms: grey levels (a
// picture with transparency laid on white, or on black where its ink, the
// opaque part of a picture half clear or more, is light), light ink on a black
// background (a light background is inverted), the
// background mapped to 0 and the ink to about 1 whatever the paper, the
// pen and the lighting, the digit found as the main ink among noise,
// specks and borders, strokes far thinner than MNIST's thickened and
// strokes thicker than its median thinned to it (normaliseStroke says
// why). Rotation is left alone: MNIST's digits slant as
// they were written.
//
// [Decode] reads the formats registered with package image: a program
// imports the decoders it wants (the tests register PNG, JPEG, GIF and
// WebP; the browser app lets the browser decode, so that it does not carry
// the decoders: only JPEG's is in it, which package noise imports to
// make JPEG damage, and which an upload does not use). An image that is already 28×28 is
// taken as MNIST-format (only inverted if its background is light), so that
// a noisy MNIST digit is not cropped to its noise.
//
// # Security considerations
//
// Uploads come from anyone. [Decode] reads the header first and refuses
// images larger than [MaxPixels], files larger than [MaxBytes], and JPEGs
// whose passes over the image would cost more than [MaxScanPixels], before
// it decodes any pixels, so a decompression bomb costs neither memory nor
// time. A program that decodes by other means applies the same limits with
// [CheckFileSize], [CheckHeader] (which does [CheckScans]) and [CheckSize].
package digitprep

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"sort"

	xdraw "golang.org/x/image/draw"
)

// Limits on what Decode accepts.
const (
	MaxBytes  = 20 << 20   // 20 MiB
	MaxPixels = 40_000_000 // 40 megapixels, e.g. 8000×5000
	Side      = 28         // the model's input side
	Box       = 20         // the ink's longer side after scaling, as in MNIST
)

// ErrNotImage is returned for data that is none of the supported formats.
var ErrNotImage = errors.New("not an image that can be read: PNG, JPEG, GIF or WebP expected")

// ErrBlank is returned for an image with no digit: one grey level
// throughout, or nothing that stands out of the background and its noise.
var ErrBlank = errors.New("no digit found: nothing stands out of the background")

// ErrDot is returned when the ink taken for the digit (of the picture's
// pieces of ink, the one that holds the most) is a dot or a blob: no longer
// than 2.5 times as wide as its strokes, which no digit is (a bold 0 is
// about 3 times), or, its strokes brought to MNIST's width, still filling
// its box (filled), so that a tap on a drawing pad, a speck, a blot or a
// paragraph of small text is not scaled up into a white block and read
// as a digit.
var ErrDot = errors.New("no digit found: the ink taken for it is a dot or a solid block (a blot, lines of small text, a grid), not a digit's strokes")

// ErrLine is returned when the ink found is far wider than it is high
// (wideLine): no MNIST digit is (of all 70,000, 2.5 times at most), and a
// dash, a horizon or a ruled line scaled into the 20-pixel box reads as a
// 2 or a 7, and digits written together, squeezed into it, as nothing
// they are (Info.Several then says that it may be several).
var ErrLine = errors.New("no digit found: the ink found is far wider than any one digit (a line, or digits written together)")

// wideLine is how many times wider than high ink must be to be a line,
// not a digit (ErrLine).
const wideLine = 3

// wideSeveral is how many times wider than high ink, one piece, may be
// digits written together ("2024" touching): Info.Several says so. Of
// MNIST's 70,000 digits, one in a thousand is more than 1.8 times as wide
// as high, none more than 2.5 times.
const wideSeveral = 2

// parted says whether the ink t found as one digit is two side by side,
// close enough for the detection's blur to join them ("42" written close):
// wider than high by a tenth, with a column in the middle three fifths of
// its box that holds less than a tenth of the ink (pixels over half) of
// the box's median column, and a quarter of the ink or more on each side
// of it (a tick or a dot beside a digit is not a digit).
// TestTwoDigitsWrittenClose has what it finds.
func parted(t ink) bool {
	b := t.box
	if 10*b.Dx() <= 11*b.Dy() {
		return false
	}
	cols, total := inkCounts(t, false)
	sorted := slices.Clone(cols)
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	left := 0
	for x, n := range cols {
		if x >= len(cols)/5 && x < len(cols)-len(cols)/5 && 10*n < median && 4*left >= total && 4*(total-left-n) >= total {
			return true
		}
		left += n
	}
	return false
}

// inkCounts is how many of the pixels of ink t over half each column of
// its box holds (each row, if rows), and how many in all.
func inkCounts(t ink, rows bool) (counts []int, total int) {
	b := t.box
	counts = make([]int, b.Dx())
	if rows {
		counts = make([]int, b.Dy())
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if t.v[y*t.w+x] > 0.5 {
				if rows {
					counts[y-b.Min.Y]++
				} else {
					counts[x-b.Min.X]++
				}
				total++
			}
		}
	}
	return counts, total
}

// stacked says whether the ink t found as one digit is lines of writing,
// one above the other, that the detection's blur joined (a column of sums
// on a worksheet, read as one digit): three runs of rows or more, each
// with an eighth of the ink (pixels over half) or more, between rows with
// none. A digit is at most two such (a 5 whose top is written apart).
// TestLinesOfDigits.
func stacked(t ink) bool {
	rows, total := inkCounts(t, true)
	lines, ink := 0, 0
	for y, n := range rows {
		ink += n
		if (n == 0 || y == len(rows)-1) && ink > 0 {
			if 8*ink >= total {
				lines++
			}
			ink = 0
		}
	}
	return lines >= 3
}

// ErrSmallDigit is returned when the digit found is too small to read.
var ErrSmallDigit = errors.New("too small to read (a closer picture would do)")

// NoDigit says whether err is preparation's finding that an image, read
// well, holds no digit it can take (ErrBlank, ErrDot, ErrLine, ErrSmallDigit): a
// person who sees one can point at it, or a page decode the part around a
// small one again at a finer scale (a page can keep the picture for that),
// unlike a file that cannot be read at all.
func NoDigit(err error) bool {
	return errors.Is(err, ErrBlank) || TooSmall(err)
}

// MinSide is the least width and height of an image that can hold a
// digit to read (MNIST's are 20 pixels high), but for a small picture
// cropped tight round a narrow digit (holdsDigit).
const MinSide = 12

// minAcross is the least width, or height, of a picture under
// enlargeBelow pixels long that can hold a digit: a 1 or a 7 cropped tight
// round its ink, 12 or more pixels high, is a few across. Such a picture
// is looked at enlarged, with paper round it (padded).
const minAcross = 4

// holdsDigit says whether a w×h image is large enough to hold a digit to
// read: MinSide each way, or, under enlargeBelow pixels long, MinSide
// long and minAcross across.
func holdsDigit(w, h int) bool {
	long, across := max(w, h), min(w, h)
	return across >= MinSide || long >= MinSide && long < enlargeBelow && across >= minAcross
}

// minDigit is the least height or width in pixels, after shrinking to
// MaxWork, of a digit that can be read.
const minDigit = 6

// Decode reads an image, checking its size from the header before
// decoding.
func Decode(data []byte) (image.Image, error) {
	if err := CheckFileSize(len(data)); err != nil {
		return nil, err
	}
	// The header's size and a JPEG's scans first, from the bytes: a PNG of
	// 0×0 or 4,294,967,295×1 pixels is said to be so, where Go's decoder
	// refuses its header as no image at all.
	if err := CheckHeader(data); err != nil {
		return nil, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, NotImage(data)
	}
	if err := CheckSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the image is damaged or truncated: %v", err)
	}
	return img, nil
}

// CheckFileSize refuses a file of n bytes that is empty or larger than
// MaxBytes.
func CheckFileSize(n int) error {
	if n == 0 {
		return errors.New("the file is empty")
	}
	if n > MaxBytes {
		return fmt.Errorf("the file is %.1f MiB; the limit is %d MiB: save it smaller, or crop it", float64(n)/(1<<20), MaxBytes>>20)
	}
	return nil
}

// CheckSize refuses an image of w×h pixels that has no pixels, more than
// MaxPixels, a side under MinSide, or that is so long and narrow that,
// shrunk to work at (WorkSize), its shorter side would be under MinSide,
// each with the image's own size (the page prepares a copy decoded at
// WorkSize, whose size would mislead).
func CheckSize(w, h int) error {
	if w < 1 || h < 1 {
		return fmt.Errorf("the image is %d×%d pixels: it has no pixels", w, h)
	}
	if px := int64(w) * int64(h); px > MaxPixels {
		return fmt.Errorf("the image is %d×%d pixels (%.0f megapixels); the limit is %d megapixels: scale it down, or crop it", w, h, float64(px)/1e6, MaxPixels/1_000_000)
	}
	if !holdsDigit(w, h) {
		return tooSmall(w, h)
	}
	if ww, wh := WorkSize(w, h); min(ww, wh) < MinSide && (ww < w || wh < h) {
		return fmt.Errorf("the image is %d×%d pixels: too long for its width to look for a digit in; crop it around the digit", w, h)
	}
	return nil
}

// tooSmall is the error for an image of w×h pixels too small to hold a
// digit (holdsDigit).
func tooSmall(w, h int) error {
	return fmt.Errorf("the image is %d×%d pixels: too small to hold a digit (at least %d×%d, or %d across for a digit cropped tight)", w, h, MinSide, MinSide, minAcross)
}

// Info tells what Prepare did.
type Info struct {
	Width, Height int             // the source image's size
	Inverted      bool            // the ink was dark on light, so grey levels were inverted
	AtEdge        bool            // the digit's strokes run into the picture's edge (runsIntoEdge): part of it may be cut off
	Several       bool            // the picture may hold more than one digit: large pieces of ink side by side taken together, large ink left out, ink more than twice as wide as high, two halves with an empty column between (parted), or lines of ink one above the other (stacked)
	Bounds        image.Rectangle // the digit's ink as found, before its strokes were thinned or thickened (the whole image for 28×28 input; after ErrDot, ErrLine or ErrSmallDigit, that ink; after other errors, the whole image), in pixels of the image after shrinking to MaxWork, from its Bounds().Min
}

// Area is Bounds as shares (0 to 1) of the image's width and height,
// which hold at whatever size the image is shown: where a page marks, on
// the picture as given, the digit that Prepare took.
func (i Info) Area() (left, top, right, bottom float64) {
	w, h := WorkSize(i.Width, i.Height)
	if w <= 0 || h <= 0 {
		return 0, 0, 1, 1
	}
	share := func(v, of int) float64 { return math.Max(0, math.Min(1, float64(v)/float64(of))) }
	return share(i.Bounds.Min.X, w), share(i.Bounds.Min.Y, h), share(i.Bounds.Max.X, w), share(i.Bounds.Max.Y, h)
}

// Prepare makes the model input (28×28 values in [0,1], row-major) from an
// image: grey levels; an image already 28×28 is taken as MNIST-format,
// inverted if its border is mostly light; any other, the ink found on
// whichever side of the grey levels gives a digit, inside a frame round
// the picture if there is one (findDigitInFrame, unframe), and levelled
// (findInk), marks drawn round or under it left out (dropMarks), its
// strokes brought towards MNIST's width
// (normaliseStroke), and its box scaled and centred (frame); a digit
// found small in an image that was shrunk to MaxWork, or ink there too
// small to read, only a dot or only a line (TooSmall), is then prepared again from the
// part of the image around it, at a finer scale (see ZoomArea).
func Prepare(img image.Image) ([]float32, Info, error) {
	in, info, err := prepare(img, nil)
	if err != nil && !TooSmall(err) {
		return in, info, err
	}
	l, t, r, bt, ok := info.ZoomArea(info.Width, info.Height)
	if !ok {
		return in, info, err
	}
	region := PartOf(img.Bounds(), l, t, r, bt)
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return in, info, err
	}
	if zin, zinfo, ok := Refine(sub.SubImage(region), info, l, t, r, bt); ok {
		return zin, zinfo, nil
	}
	return in, info, err
}

// TooSmall says whether err is preparation's finding that the ink it took
// for the digit is too small to read, only a dot or a line (ErrSmallDigit,
// ErrDot, ErrLine), which a finer look at a large image may find to be a
// digit (a 7's bar, its stem too faint at the coarse scale): its
// Info's Bounds are then where that ink is.
func TooSmall(err error) bool {
	return errors.Is(err, ErrDot) || errors.Is(err, ErrLine) || errors.Is(err, ErrSmallDigit)
}

// Refine prepares part, the part of an image between left and right, top
// and bottom that ZoomArea gave for coarse (what Prepare said of the whole
// image), at a finer scale than coarse was prepared at: with coarse's
// polarity (the part's border may be a desk's), and only if it refines the
// digit's box: if it found other ink (a desk or a shadow at the part's
// edge, which the part's background estimate cannot see whole), or none,
// ok is false and the coarse result stands.
func Refine(part image.Image, coarse Info, left, top, right, bottom float64) ([]float32, Info, bool) {
	in, z, err := prepare(part, &coarse.Inverted)
	if err != nil {
		return nil, coarse, false
	}
	zoomed := coarse.Zoomed(left, top, right, bottom, z)
	slack := max(2, max(coarse.Bounds.Dx(), coarse.Bounds.Dy())/4)
	if !zoomed.Bounds.In(coarse.Bounds.Inset(-slack)) {
		return nil, coarse, false
	}
	return in, zoomed, true
}

// filled says whether the ink of in (a prepared input, its strokes
// brought to MNIST's width) covers most of its box, as no digit does and a
// dot or a blot does (unless it is twice as high as wide: a 1 fills its
// box): a small one whose stroke width passed for a digit's, or a dot
// looked at again finer, whose middle the part's background, estimated
// over a third of the part, took.
func filled(in []float32) bool {
	b := boxOver(in, Side, Side, 0.5)
	if b.Empty() || b.Dy() >= 2*b.Dx() {
		return false // a 1 is a stroke that fills its narrow box
	}
	return coverage(ink{v: in, w: Side, h: Side, box: b}, 0.5) > maxFilled
}

// solid says whether in (the ink as found, framed as a prepared input is,
// before its strokes are brought to MNIST's width) is a solid block: ink,
// faint or dark, on almost every pixel of its box (minSolid), and less
// than 2.5 times as high as wide. That is a screenshot's paragraph of
// text, its lines too fine to tell apart once framed, not a digit: wide,
// it was read as a 0 at 94 %; tall, normalising its stroke thinned it into
// a perfect 1. A 1's stroke fills its box but is far narrower than
// its height (a thick bar three times as high as wide is taken for one:
// TestTooSmallOrADot); the boldest printed 8s of the tests' uploads ink
// 83 % of their box.
func solid(in []float32) bool {
	b := boxOver(in, Side, Side, inkLevel)
	if b.Empty() || 2*b.Dy() >= 5*b.Dx() {
		return false
	}
	return coverage(ink{v: in, w: Side, h: Side, box: b}, inkLevel) > minSolid
}

// minSolid is the share of its box that ink must cover to be a block.
const minSolid = 0.95

// maxFilled is the most of its box that a digit's ink covers.
const maxFilled = 0.8

// PartOf is the part of b between left and right, top and bottom (shares
// of its width and height): the pixels of b that the shares cover, whole.
func PartOf(b image.Rectangle, left, top, right, bottom float64) image.Rectangle {
	w, h := float64(b.Dx()), float64(b.Dy())
	return image.Rect(
		b.Min.X+int(math.Floor(left*w)), b.Min.Y+int(math.Floor(top*h)),
		b.Min.X+int(math.Ceil(right*w)), b.Min.Y+int(math.Ceil(bottom*h)),
	).Intersect(b)
}

// zoomBelow is the longer side, in pixels of the work image, under which a
// digit found in an image that was shrunk to it is prepared again from the
// image at a finer scale: at a few pixels its strokes are a pixel wide or
// less, and a small 8 becomes a blob read as a 1.
const zoomBelow = 48

// ZoomArea says which part of the source image, of srcW×srcH pixels, to
// prepare again at a finer scale, as shares of its width and height: the
// digit's box with as much again around it on every side, when the digit
// Prepare found (in the image it was given, i's) is small at the scale
// it worked at and the source holds more detail. A program that shrank the
// image before Prepare (the browser app decodes at WorkSize) decodes that
// part of the source anew and prepares it; Prepare does it itself for the
// images it shrinks.
func (i Info) ZoomArea(srcW, srcH int) (left, top, right, bottom float64, ok bool) {
	ww, wh := WorkSize(i.Width, i.Height)
	b := i.Bounds
	if ww <= 0 || wh <= 0 || float64(srcW) < 1.5*float64(ww) || max(b.Dx(), b.Dy()) >= zoomBelow || b.Empty() {
		return 0, 0, 1, 1, false
	}
	m := max(b.Dx(), b.Dy())
	r := image.Rect(b.Min.X-m, b.Min.Y-m, b.Max.X+m, b.Max.Y+m).Intersect(image.Rect(0, 0, ww, wh))
	return float64(r.Min.X) / float64(ww), float64(r.Min.Y) / float64(wh), float64(r.Max.X) / float64(ww), float64(r.Max.Y) / float64(wh), true
}

// Zoomed is i, for an image whose part between left and right, top and
// bottom (shares, as ZoomArea gives them) was prepared again with z: the
// digit's box as z found it, in i's work pixels.
func (i Info) Zoomed(left, top, right, bottom float64, z Info) Info {
	ww, wh := WorkSize(i.Width, i.Height)
	zl, zt, zr, zb := z.Area()
	x := func(s float64) float64 { return (left + s*(right-left)) * float64(ww) }
	y := func(s float64) float64 { return (top + s*(bottom-top)) * float64(wh) }
	i.Bounds = image.Rect(int(math.Floor(x(zl))), int(math.Floor(y(zt))), int(math.Ceil(x(zr))), int(math.Ceil(y(zb))))
	i.Inverted, i.Several = z.Inverted, z.Several
	// The part's edge is the picture's where the part reaches it (a digit
	// too small for the coarse look said nothing of its edges).
	i.AtEdge = i.AtEdge || z.AtEdge && (left <= 0 || top <= 0 || right >= 1 || bottom >= 1)
	return i
}

// prepare is Prepare at one scale; the ink is dark on light if *inverted,
// or as findDigit decides when inverted is nil.
func prepare(img image.Image, inverted *bool) ([]float32, Info, error) {
	b := img.Bounds()
	info := Info{Width: b.Dx(), Height: b.Dy(), Bounds: image.Rect(0, 0, b.Dx(), b.Dy())}
	if !holdsDigit(b.Dx(), b.Dy()) {
		return nil, info, tooSmall(b.Dx(), b.Dy())
	}
	img = shrink(img)
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	g := grey(img)
	lo, hi := g[0], g[0]
	for _, v := range g {
		lo, hi = min(lo, v), max(hi, v)
	}
	if hi-lo < 1.0/255 {
		return nil, info, ErrBlank
	}
	if w == Side && h == Side {
		if median(border(g, w, h)) > 0.5 {
			info.Inverted = true
			for i, v := range g {
				g[i] = 1 - v
			}
		}
		return g, info, nil
	}
	// A small picture is looked at enlarged, with paper round it; what is
	// found is said in its own pixels.
	k, m := enlargeFactor(w, h), 0
	if k > 1 {
		g, m = padded(g, w, h)
	}
	pw, ph := w+2*m, h+2*m
	info.Bounds = image.Rect(0, 0, pw*k, ph*k)
	in, info, err := prepareInk(enlarge(g, pw, ph, k), pw*k, ph*k, k, inverted, info)
	info.Bounds = inOwnPixels(info.Bounds, k).Sub(image.Pt(m, m)).Intersect(image.Rect(0, 0, w, h))
	return in, info, err
}

// prepareInk is prepare's work on g, the w×h grey levels of a picture
// that is not MNIST-format, enlarged grain times (enlarge): the digit
// found and made a model input.
func prepareInk(g []float32, w, h, grain int, inverted *bool, info Info) ([]float32, Info, error) {
	var t ink
	var err error
	if inverted != nil {
		info.Inverted = *inverted
		t, err = inkOn(g, w, h, grain, *inverted)
	} else {
		t, info.Inverted, err = findDigitInFrame(g, w, h, grain)
	}
	if err == nil {
		t = dropMarks(t) // a ring round the digit, a line under it
	}
	// A line is refused once the side is chosen, as any ink would have
	// chosen it (refused on one side, it would let the paper around it on
	// the other pass for ink).
	if err == nil && t.box.Dx() > wideLine*t.box.Dy() {
		err = ErrLine
	}
	if err != nil {
		if !t.box.Empty() { // a dot, a line, or a digit too small: where it is, for a finer look
			info.Bounds = t.box.Add(t.origin)
			info.Several = t.several // digits written together, found as a line
		}
		return nil, info, err
	}
	info.Several = t.several || t.box.Dx() > wideSeveral*t.box.Dy() || parted(t) || stacked(t)
	info.Bounds = t.box.Add(t.origin) // the digit as found, before its strokes change
	// A small picture is often cropped tight round its digit, on purpose.
	atEdge := grain == 1 && runsIntoEdge(t, w, h)
	// A block of ink, which normalising its stroke would thin into a 1;
	// a smaller one may be a digit too small to show its strokes here
	// (a finer look takes it, or not).
	if max(t.box.Dx(), t.box.Dy()) >= zoomBelow && solid(frame(t.v, t.w, t.box)) {
		return nil, info, ErrDot
	}
	t = normaliseStroke(t)
	in := frame(t.v, t.w, t.box)
	if filled(in) {
		return nil, info, ErrDot // a dot or a blot that passed for strokes
	}
	info.AtEdge = atEdge
	return in, info, nil
}

// findDigitInFrame is findDigit of g (w×h), or of the part of it inside a
// frame round the picture (unframe), where the paper is: what is found
// there stands, a digit too small to read included (where it is, for a
// finer look; the whole picture, looked at instead, found no digit), and
// so does nothing found (a blank page in a frame has no digit; the whole
// picture gave one made of the frame).
func findDigitInFrame(g []float32, w, h, grain int) (ink, bool, error) {
	in, ok := unframe(g, w, h)
	if !ok {
		return findDigit(g, w, h, grain)
	}
	t, inverted, err := findDigit(cropOf(g, w, in), in.Dx(), in.Dy(), grain)
	t.origin = t.origin.Add(in.Min)
	return t, inverted, err
}

// grey converts img to luminance in [0,1], compositing any transparency
// over a backdrop (backdrop's): white, as a drawing on a transparent canvas
// is ink on paper, unless the ink, the opaque pixels of a picture half
// transparent or more, is light, when the backdrop is black (white ink on
// a transparent picture would otherwise vanish on white). The pixel types
// that uploads arrive as (the browser's NRGBA, shrink's RGBA) are read from
// their pixel arrays rather than through At, which boxes every pixel's
// colour; the values are the same.
func grey(img image.Image) []float32 {
	b := img.Bounds()
	bg := backdrop(img)
	out := make([]float32, 0, b.Dx()*b.Dy())
	pixels(img, func(r, g, b, a uint32) { out = append(out, lum(r, g, b, a, bg)) })
	return out
}

// pixels calls f with every pixel's premultiplied colour, row by row.
func pixels(img image.Image, f func(r, g, b, a uint32)) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.NRGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i+3 < len(row); i += 4 {
				f(color.NRGBA{R: row[i], G: row[i+1], B: row[i+2], A: row[i+3]}.RGBA())
			}
		}
	case *image.RGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i+3 < len(row); i += 4 {
				f(color.RGBA{R: row[i], G: row[i+1], B: row[i+2], A: row[i+3]}.RGBA())
			}
		}
	default:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				f(img.At(x, y).RGBA())
			}
		}
	}
}

// clearShare is the share of a picture's pixels that must be mostly
// transparent for its opaque ones to be taken for the ink (backdrop): ink
// covers well under half of a picture of a digit, even of a box drawn
// round it, while a photo's transparent margins, if any, leave most of it
// opaque.
const clearShare = 0.5

// backdrop is the luminance, 0 or 0xffff, that grey composites img over:
// black when at least clearShare of it is mostly transparent and its
// opaque pixels are light on average, white otherwise.
func backdrop(img image.Image) uint32 {
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		return 0xffff
	}
	var clear, n int
	var ink, alpha float64 // luminance and opacity summed over the pixels
	pixels(img, func(r, g, b, a uint32) {
		n++
		if a < 0x8000 {
			clear++
		}
		ink += float64(lum(r, g, b, a, 0)) // premultiplied: weighted by opacity
		alpha += float64(a) / 0xffff
	})
	if float64(clear) < clearShare*float64(n) || alpha == 0 || ink/alpha <= 0.5 {
		return 0xffff
	}
	return 0
}

// lum is the luminance of a premultiplied colour over a backdrop of
// luminance bg (0 black, 0xffff white).
func lum(r, g, b, a, bg uint32) float32 {
	under := uint32(uint64(bg) * uint64(0xffff-a) / 0xffff) // premultiplied: over bg adds (1-a) of it
	l := (0.299*float64(r+under) + 0.587*float64(g+under) + 0.114*float64(b+under)) / 0xffff
	return float32(math.Min(1, l))
}

func border(g []float32, w, h int) []float32 {
	var s []float32
	for x := 0; x < w; x++ {
		s = append(s, g[x], g[(h-1)*w+x])
	}
	for y := 1; y < h-1; y++ {
		s = append(s, g[y*w], g[y*w+w-1])
	}
	return s
}

func median(s []float32) float32 {
	c := append([]float32(nil), s...)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	return c[len(c)/2]
}

// frame scales the box of g (w wide) so that its longer side is Box pixels,
// keeping the aspect ratio, and places it in a Side×Side frame with its
// centre of mass at the centre.
func frame(g []float32, w int, box image.Rectangle) []float32 {
	src := image.NewGray16(box)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			src.SetGray16(x, y, color.Gray16{Y: uint16(g[y*w+x]*0xffff + 0.5)})
		}
	}
	bw, bh := box.Dx(), box.Dy()
	sw, sh := Box, Box
	if bw > bh {
		sh = max(1, int(math.Round(float64(Box)*float64(bh)/float64(bw))))
	} else {
		sw = max(1, int(math.Round(float64(Box)*float64(bw)/float64(bh))))
	}
	scaled := image.NewGray16(image.Rect(0, 0, sw, sh))
	xdraw.CatmullRom.Scale(scaled, scaled.Bounds(), src, box, xdraw.Src, nil)

	vals := make([]float64, sw*sh)
	var mass, mx, my float64
	for y := 0; y < sh; y++ {
		for x := 0; x < sw; x++ {
			v := float64(scaled.Gray16At(x, y).Y) / 0xffff
			vals[y*sw+x] = v
			mass += v
			mx += v * float64(x)
			my += v * float64(y)
		}
	}
	// Offset that puts the centre of mass at pixel (14, 14), by pixel index as in MNIST.
	ox, oy := (Side-sw)/2, (Side-sh)/2
	if mass > 0 {
		ox = int(math.Round(Side/2 - mx/mass))
		oy = int(math.Round(Side/2 - my/mass))
	}
	out := make([]float32, Side*Side)
	for y := 0; y < sh; y++ {
		for x := 0; x < sw; x++ {
			tx, ty := x+ox, y+oy
			if tx >= 0 && tx < Side && ty >= 0 && ty < Side {
				out[ty*Side+tx] = float32(vals[y*sw+x])
			}
		}
	}
	return out
}
