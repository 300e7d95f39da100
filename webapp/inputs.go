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
// it: dark and opaque) runs into an edge of the canvas, along it for
// three quarters of a pen's width or more at a stretch: a stroke drawn on
// past the box, whose part outside is not on the canvas and is not read
// (a 2 whose foot ran off was read as a 7 at 100 %, with nothing said).
// A stroke that comes near the edge clips the pen's round tip a little
// and marks a shorter stretch: the pen's centre must come within about a
// third of its width of the edge.
func OffEdge(rgba []byte, w, h int) bool {
	if w < 1 || h < 1 || len(rgba) != 4*w*h {
		return false
	}
	ink := func(x, y int) bool {
		p := rgba[4*(y*w+x):]
		return p[3] >= 128 && int(p[0])+int(p[1])+int(p[2]) < 3*128
	}
	need := max(1, 3*PenWidth*min(w, h)/DrawSide/4)
	along := func(n int, at func(i int) bool) bool {
		run := 0
		for i := 0; i < n; i++ {
			if run = (run + 1) * b2i(at(i)); run >= need {
				return true
			}
		}
		return false
	}
	return along(w, func(x int) bool { return ink(x, 0) }) || along(w, func(x int) bool { return ink(x, h-1) }) ||
		along(h, func(y int) bool { return ink(0, y) }) || along(h, func(y int) bool { return ink(w-1, y) })
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
