package digitprep

import "math"

// reachPlateaus raises the background estimate bg of light (both w×h) over
// the parts of the background's plateaus that the opening's window could
// not follow: a shadow that comes into the picture from its edge (a
// phone's, a hand's) has corners, or meets the picture's edge at a slant,
// in wedges narrower than the window, which stood out of the background as
// large pieces of "ink" and were taken for the digit.
//
// First, the level of the pixels on the picture's edge that lie on a flat
// stretch of background (their light within plateauTol of bg, and the
// light's spread within seedRadius of them under flatSpread) spreads to
// the pixels connected to them (8-connected) whose light is within
// plateauTol of that level and flat within flatRadius: the plateaus that
// reach the picture's edge, each pixel at the highest level that reaches
// it. The paper inside a digit's loop, which no plateau from the edge
// reaches, is left as it was. Where that level is more than plateauRise
// above bg, the opening missed the plateau. From those pixels, the level
// then spreads down the plateau's edges, reach pixels at most, to pixels
// no more than plateauTol lighter than it, each raised no higher than its
// own light, so that the edges leave no rim. A stroke stands out of the
// plateau it crosses and is not reached there; but where a stroke fainter
// than the plateau's level runs out of a wedge, the stroke's pixels within
// reach of the wedge are lighter than the plateau only by their ink, less
// than the plateau stands out, and lose it. It says whether it raised the
// estimate anywhere.
func reachPlateaus(light, bg []float32, w, h, seedRadius, flatRadius, reach int) ([]float32, bool) {
	sp := newSpread(light, w, h)
	// Whether the light within flatRadius of a pixel is flat, worked out
	// when first asked (0: not yet, 1: flat, 2: not).
	flatNear := make([]uint8, w*h)
	isFlat := func(i int) bool {
		if flatNear[i] == 0 {
			flatNear[i] = 2
			if sp.at(i%w, i/w, flatRadius) <= flatSpread {
				flatNear[i] = 1
			}
		}
		return flatNear[i] == 1
	}
	edge := edgePixels(w, h)
	if !mayMiss(light, bg, edge, isFlat) {
		return bg, false
	}
	level := make([]float32, w*h)
	for i := range level {
		level[i] = -1
	}
	var q levelQueue
	done := make([]bool, w*h)
	for _, i := range edge {
		if d := light[i] - bg[i]; d >= -plateauTol && d <= plateauTol && sp.at(i%w, i/w, seedRadius) <= flatSpread {
			level[i] = bg[i]
			q.push(bg[i], int32(i))
		}
	}
	q.flood(w, h, done, func(i, j int) (float32, bool) {
		v := level[i]
		if v <= level[j] || light[j] < v-plateauTol || light[j] > v+plateauTol || !isFlat(j) {
			return 0, false
		}
		level[j] = v
		return v, true
	})
	var out []float32
	for i, v := range level {
		if v > bg[i]+plateauRise {
			if out == nil {
				out = append([]float32(nil), bg...)
			}
			out[i] = v
			q.push(v, int32(i))
		}
	}
	if out == nil {
		return bg, false
	}
	clear(done)
	dist := make([]int32, w*h)
	q.flood(w, h, done, func(i, j int) (float32, bool) {
		v := out[i]
		if dist[i] >= int32(reach) || light[j] > v+plateauTol {
			return 0, false
		}
		u := min(v, light[j])
		if u <= out[j] {
			return 0, false
		}
		out[j], dist[j] = u, dist[i]+1
		return u, true
	})
	return out, true
}

// plateauTol is how far from a plateau's level a pixel's light may be and
// still be taken as part of it: more than the lightly blurred noise of a
// photo's paper strays from the opening, less than a faint stroke.
const plateauTol = 0.05

// flatSpread is the most that light may spread (its standard deviation)
// round a pixel of a plateau: that of a gradient of light of 0.1 across
// the window.
const flatSpread = 0.03

// spread answers the standard deviation of an image's values over a
// square window round a pixel, from the integral images of its values and
// of their squares.
type spread struct {
	w, h       int
	sum, sumSq integral
}

func newSpread(g []float32, w, h int) spread {
	return spread{w: w, h: h, sum: newIntegral(g, w, h, false), sumSq: newIntegral(g, w, h, true)}
}

// at is the standard deviation over the (2r+1)² window round (x, y), cut
// at the image's edges.
func (s spread) at(x, y, r int) float32 {
	x0, x1, y0, y1 := max(0, x-r), min(s.w, x+r+1), max(0, y-r), min(s.h, y+r+1)
	n := float64((x1 - x0) * (y1 - y0))
	mean := s.sum.box(x0, y0, x1, y1) / n
	return float32(math.Sqrt(max(0, s.sumSq.box(x0, y0, x1, y1)/n-mean*mean)))
}

// plateauRise is how far above the background's estimate a plateau's
// level must be for the opening to have missed it: more than smoothing
// lifts the estimate on a gradient of light (maxLift).
const plateauRise = maxLift

// mayMiss says whether the opening may have missed part of a plateau
// that reaches the picture's edge (edge: its pixels): whether some pixel
// stands out of bg by more than plateauRise less plateauTol, flat, at a
// level within plateauTol of the background at the edge. A drawing on a
// blank canvas has none, and is spared the search; most photos have some
// (the paper in a digit's loop).
func mayMiss(light, bg []float32, edge []int, isFlat func(i int) bool) bool {
	lo, hi := float32(2), float32(-1)
	for _, i := range edge {
		if d := light[i] - bg[i]; d >= -plateauTol && d <= plateauTol {
			lo, hi = min(lo, bg[i]), max(hi, bg[i])
		}
	}
	for i, v := range light {
		if v-bg[i] > plateauRise-plateauTol && v >= lo-plateauTol && v <= hi+plateauTol && isFlat(i) {
			return true
		}
	}
	return false
}

// edgePixels is the indices of the pixels on the edge of a w×h image.
func edgePixels(w, h int) []int {
	var e []int
	for x := range w {
		e = append(e, x)
		if h > 1 {
			e = append(e, (h-1)*w+x)
		}
	}
	for y := 1; y < h-1; y++ {
		e = append(e, y*w)
		if w > 1 {
			e = append(e, y*w+w-1)
		}
	}
	return e
}

// levelQueue holds pixels by level, highest first: a bucket queue, as
// levels run from 0 to 1 and a level only falls as it spreads, so that the
// highest waiting is final when taken (the widest bottleneck first), to
// within a bucket's width. Each bucket is taken first in, first out, so
// that a level spreads over a plateau in rings, each pixel first reached
// by a shortest way.
type levelQueue struct {
	bucket [levelBuckets][]int32
	head   [levelBuckets]int
}

const levelBuckets = 1024

func (q *levelQueue) push(v float32, i int32) {
	k := min(levelBuckets-1, max(0, int(v*(levelBuckets-1))))
	q.bucket[k] = append(q.bucket[k], i)
}

// flood takes the pixels of a w×h image highest first, each once (done
// says which were, and is cleared by the caller), and pushes each
// neighbour j of a pixel i taken whose level spread(i, j) raised, at that
// level.
func (q *levelQueue) flood(w, h int, done []bool, spread func(i, j int) (float32, bool)) {
	for k := levelBuckets - 1; k >= 0; k-- {
		for q.head[k] < len(q.bucket[k]) {
			i := int(q.bucket[k][q.head[k]])
			q.head[k]++
			if done[i] {
				continue
			}
			done[i] = true
			x, y := i%w, i/w
			for ny := max(0, y-1); ny <= min(h-1, y+1); ny++ {
				for nx := max(0, x-1); nx <= min(w-1, x+1); nx++ {
					if j := ny*w + nx; !done[j] {
						if v, ok := spread(i, j); ok {
							q.push(v, int32(j))
						}
					}
				}
			}
		}
		q.bucket[k], q.head[k] = q.bucket[k][:0], 0
	}
}
