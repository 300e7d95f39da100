package webapp

import (
	"errors"
	"fmt"
	"image"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/weights"
)

// FromDrawing turns the drawing canvas's RGBA pixels (w×h, as
// getImageData returns them) into the model's input.
func FromDrawing(rgba []byte, w, h int) ([]float32, error) {
	if w < 1 || h < 1 || len(rgba) != 4*w*h {
		return nil, fmt.Errorf("drawing has %d bytes for %d×%d pixels", len(rgba), w, h)
	}
	k := max(1, min(w, h)/drawingSide)
	img := digitprep.ShrinkBy(&image.NRGBA{Pix: rgba, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}, k)
	in, info, err := digitprep.Prepare(img)
	if b := info.Bounds; err == nil && float64(k*max(b.Dx(), b.Dy())) < minPens*PenWidth*float64(min(w, h))/DrawSide {
		err = digitprep.ErrSmallDigit
	}
	switch {
	case errors.Is(err, digitprep.ErrBlank):
		return nil, errors.New("draw a digit first")
	case errors.Is(err, digitprep.ErrDot):
		return nil, errors.New("a dot or a short stroke is not a digit yet: draw on")
	case errors.Is(err, digitprep.ErrLine):
		return nil, errors.New("a line is not a digit yet: draw on")
	case errors.Is(err, digitprep.ErrSmallDigit):
		return nil, errors.New("too small to read yet: draw on, or draw it larger")
	}
	return in, err
}

// OffEdge says whether the drawing's ink (w×h RGBA, as FromDrawing takes
// it: dark and opaque) runs off an edge of the canvas: a stroke drawn on
// past the box, whose part outside is not on the canvas and is not read
// (a 2 whose foot ran off was read as a 7 at 100 %, with nothing said).
// The ink meets the border along a stretch of three quarters of the
// pen's width or more (round a corner too). Up to one and a half pen
// widths, that is a stroke crossing the edge (at 42° or more); a longer
// stretch is a stroke running along the edge, or crossing it at a
// shallower angle, and counts only when the ink at its middle reaches no
// deeper in than three quarters of the pen's width (the pen's centre a
// quarter of its width from the edge or nearer, or its line leaving the
// box), or two pen widths or more (a stroke gone over twice as it left).
// A 7's bar that only touches the top is not said to run off.
func OffEdge(rgba []byte, w, h int) bool {
	if w < 1 || h < 1 || len(rgba) != 4*w*h {
		return false
	}
	ink := func(x, y int) bool {
		p := rgba[4*(y*w+x):]
		return p[3] >= 128 && int(p[0])+int(p[1])+int(p[2]) < 3*128
	}
	pen := float64(PenWidth*min(w, h)) / DrawSide
	// The canvas's border, walked round once, clockwise from the top left
	// corner, as one line, so that a stroke leaving through a corner is one
	// stretch (at 45°, each edge had only 0.7 of the pen's width): its n
	// pixels, and at each the way into the canvas.
	type step struct{ x, y, dx, dy int }
	n := 2*(w+h) - 4
	if w == 1 || h == 1 {
		n = w * h
	}
	at := func(k int) step {
		k %= n
		switch {
		case k < w: // the top, rightwards
			return step{k, 0, 0, 1}
		case k < w+h-1: // the right, downwards
			return step{w - 1, k - w + 1, -1, 0}
		case k < 2*w+h-2: // the bottom, leftwards
			return step{2*w + h - 3 - k, h - 1, 0, -1}
		}
		return step{0, 2*(w+h) - 4 - k, 1, 0} // the left, upwards
	}
	// Start where there is no ink, so that no stretch is cut in two.
	first := -1
	for k := 0; k < n; k++ {
		if b := at(k); !ink(b.x, b.y) {
			first = k
			break
		}
	}
	if first < 0 {
		return true // ink all round: drawn over the whole box
	}
	run := 0
	for k := 1; k <= n; k++ {
		b := at(first + k)
		if k < n && ink(b.x, b.y) {
			run++
			continue
		}
		if float64(run) >= 0.75*pen {
			if float64(run) <= 1.5*pen {
				return true
			}
			mid, d := at(first+k-1-(run-1)/2), 0
			for x, y := mid.x, mid.y; 0 <= x && x < w && 0 <= y && y < h && ink(x, y); x, y = x+mid.dx, y+mid.dy {
				d++
			}
			if float64(d) <= 0.75*pen || float64(d) >= 2*pen {
				return true
			}
		}
		run = 0
	}
	return false
}

// LoadDAE validates a weights file the person dropped in, named name, and
// returns models that use it as the denoising autoencoder; on error m stays
// as it was.
func (m *Models) LoadDAE(name string, data []byte) (*Models, error) {
	f, err := weights.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("these weights cannot be used: %w", err)
	}
	next, err := m.WithDAE(f.Model)
	if err != nil {
		return nil, fmt.Errorf("these weights cannot be used: %w", err)
	}
	next.DAEFile = name
	return next, nil
}

// DrawSide is the drawing canvas's side in its pixels, and PenWidth the
// pen's width on it.
const (
	DrawSide = 280
	PenWidth = 22
)

// minPens is the least size of a drawn digit, in widths of the pen: a
// smaller one is strokes as wide as the digit is long, which preparation
// brings to MNIST's width as a blob.
const minPens = 3

// drawingSide is about the size a drawing is prepared at: five times
// MNIST's 28 pixels is ample to find the digit and bring it to its 20-pixel
// box, and the canvas's 280 pixels would be four times the work on every
// move of the pen.
const drawingSide = 140
