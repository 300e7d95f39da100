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
