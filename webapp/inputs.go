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
