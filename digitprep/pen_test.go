package digitprep

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// rod is a pen lying on a photographed page: long and of radius rad about
// (cx, cy), at deg degrees from the horizontal, its body of grey level
// body, shaded round and with a highlight along it, casting a soft shadow
// down and to the right.
type rod struct {
	cx, cy, long, rad, deg, body float64
}

// axis is how far (x, y) lies from the rod's axis, and on which side of
// it, how far across.
func (p rod) axis(x, y float64) (dist, across float64) {
	sin, cos := math.Sincos(p.deg * math.Pi / 180)
	dx, dy := x-p.cx, y-p.cy
	along := max(-p.long/2, min(p.long/2, dx*cos+dy*sin))
	return math.Hypot(dx-along*cos, dy-along*sin), -dx*sin + dy*cos
}

// shadow is the share of the light that the rod leaves at (x, y).
func (p rod) shadow(x, y float64) float64 {
	d, _ := p.axis(x-0.4*p.rad, y-0.6*p.rad)
	return 1 - 0.35*max(0, min(1, (1.3*p.rad-d)/(0.8*p.rad)))
}

// over is the grey level v of a pixel (x, y) with the rod over it.
func (p rod) over(x, y, v float64) float64 {
	d, across := p.axis(x, y)
	cover := max(0, min(1, p.rad+0.5-d))
	round := math.Sqrt(max(0, 1-(across/p.rad)*(across/p.rad)))
	shine := 0.6 * math.Exp(-math.Pow((across+0.35*p.rad)/(0.2*p.rad), 2))
	return v*(1-cover) + (p.body*(0.8+0.2*round)+(250-p.body)*shine)*cover
}

// withPenBeside is an MNIST digit written with a dark pen, 4 to 6 times
// MNIST's size, on a page photographed at 800×600 in light falling off to
// the right, with the pen that wrote it lying beside it (seeded by seed):
// 5 to 8 times as long as the digit is high and a third to three fifths
// as wide, as grey as a black, blue or red one, at any slant, half to one
// digit's height away on one side of it, wholly in the photo. It returns
// the photo and the digit's ink box in it (its longer side 20 MNIST
// pixels).
func withPenBeside(digit []float32, seed uint64) (*image.Gray, image.Rectangle) {
	const w, h = 800, 600
	r := rand.New(rand.NewPCG(seed, 5))
	k := 4 + r.IntN(3)
	high := 20 * float64(k)
	x0, y0 := (w-28*k)/2+r.IntN(41)-20, (h-28*k)/2+r.IntN(41)-20
	box := inkAt(digit, x0, y0, k)
	var p rod
	for { // until the pen lies wholly in the photo
		p = rod{long: high * (5 + 3*r.Float64()), rad: high * (0.33 + 0.27*r.Float64()) / 2, deg: float64(r.IntN(180)), body: [...]float64{25, 45, 73}[r.IntN(3)]}
		sin, cos := math.Sincos(p.deg * math.Pi / 180)
		// How far the pen reaches from its middle, across and down.
		ex, ey := math.Abs(cos)*p.long/2+p.rad, math.Abs(sin)*p.long/2+p.rad
		apart := high * (0.5 + 0.5*r.Float64())
		p.cx, p.cy = float64(box.Min.X+box.Max.X)/2, float64(box.Min.Y+box.Max.Y)/2
		switch r.IntN(4) {
		case 0:
			p.cx = float64(box.Max.X) + apart + ex
		case 1:
			p.cx = float64(box.Min.X) - apart - ex
		case 2:
			p.cy = float64(box.Max.Y) + apart + ey
		default:
			p.cy = float64(box.Min.Y) - apart - ey
		}
		if p.cx-ex > 0 && p.cy-ey > 0 && p.cx+ex < w && p.cy+ey < h {
			break
		}
	}
	ink := penOf(digit, w, h, image.Rect(x0, y0, x0+28*k, y0+28*k))
	img := pageLit(ink, func(x, y int) float64 {
		return (1 - 0.1*float64(x)/w) * p.shadow(float64(x), float64(y))
	}, 4, r)
	for i, v := range img.Pix {
		img.Pix[i] = uint8(max(0, min(255, p.over(float64(i%w), float64(i/w), float64(v)))))
	}
	return img, box
}

// inkAt is the box of an MNIST digit's ink (over half) written k times
// MNIST's size with its 28×28 frame's corner at (x0, y0).
func inkAt(digit []float32, x0, y0, k int) image.Rectangle {
	b := boxOver(digit, 28, 28, 0.5)
	return image.Rect(x0+b.Min.X*k, y0+b.Min.Y*k, x0+b.Max.X*k, y0+b.Max.Y*k)
}

// A pen lying beside the digit it wrote is not taken for the digit, or
// with it (piece.penBeside): the digit is found, within two MNIST pixels
// of its ink, and read. Before (2026-12-07), of these 16 photos the digit
// was found in 1 (3 were read right: twice the pen alone, as a 1); now
// in 14. The two still missed are taken with the pen: a stubby one, 8.4
// times as long as thick at the detection's blur (penSlender), and one
// under penWider times as thick as the digit's strokes there.
func TestPenBesideTheDigit(t *testing.T) {
	test, reads := testSet(t), digitReader(t)
	right := 0
	for i := range 16 {
		img, box := withPenBeside(test.Image(nil, i), uint64(i))
		in, info, err := Prepare(img)
		if err != nil || !info.Inverted {
			continue
		}
		l, tp, r, b := info.Area()
		found := image.Rect(int(800*l), int(600*tp), int(800*r), int(600*b))
		if found.In(box.Inset(-2*max(box.Dx(), box.Dy())/20)) && reads(in) == int(test.Labels[i]) {
			right++
		}
	}
	t.Logf("the digit found and read in %d of 16", right)
	assert.GreaterOrEqual(t, right, 13)
}

// Each of penBeside's bounds, on made-up pieces of a 400×300 picture's
// detection map: a pen beside a digit is left out, and with any one bound
// unmet it is not.
func TestPenBeside(t *testing.T) {
	// bar is a straight piece over box, long×wide pixels, filling cover of
	// its hull.
	bar := func(box image.Rectangle, long, wide int, cover float64) piece {
		return piece{box: box, pixels: long * wide, rim: 2 * (long + wide), cover: cover}
	}
	pen := bar(image.Rect(20, 200, 380, 224), 360, 24, 0.95)                                // 22.5 thick, 16 times as long
	digit := piece{box: image.Rect(180, 100, 230, 170), pixels: 2000, rim: 360, cover: 0.8} // 11.1 thick
	for _, c := range []struct {
		name string
		b, d piece
		want bool
	}{
		{"a pen beside a digit", pen, digit, true},
		{"a bent piece", bar(pen.box, 360, 20, 0.8), digit, false},
		{"a bar 3 times as long as the digit", bar(image.Rect(100, 200, 310, 224), 210, 24, 0.95), digit, false},
		{"a bold 1, 8.9 times as long as thick, beside a dash a quarter its length",
			bar(image.Rect(180, 40, 200, 260), 220, 28, 0.95), bar(image.Rect(220, 140, 270, 152), 50, 10, 0.95), false},
		{"a stroke 1.3 times as thick as the digit's", bar(image.Rect(20, 200, 380, 215), 360, 15, 0.95), digit, false},
		{"a pen beside a dot", pen, piece{box: image.Rect(200, 120, 236, 156), pixels: 1000, rim: 160, cover: 0.95}, false},
		{"a pen beside a mark under a tenth of the picture", pen, bar(image.Rect(200, 120, 225, 130), 25, 8, 0.95), false},
	} {
		assert.Equal(t, c.want, c.b.penBeside(c.d, 400, 300), c.name)
	}
}
