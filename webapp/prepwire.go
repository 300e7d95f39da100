package webapp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"

	"github.com/godae/dae/digitprep"
)

// What a page and the worker that prepares its uploads say to each other
// (see Preparer): the picture's RGBA bytes and size, and a PrepRequest as
// JSON, one way; a PrepAnswer as JSON, and its input as bytes beside it,
// the other. The input's 784 values cross as bytes because decoding them
// from JSON was most of the page's work on an answer, and, the first time,
// most of what its browser compiled then.

// PrepRequest is what the page asks a worker to do with a picture, as
// JSON beside its pixels: Prepare it, or, when Coarse is set, Refine it as
// the part Area (left, top, right, bottom) of a picture that Prepare said
// Coarse of.
type PrepRequest struct {
	Coarse *digitprep.Info `json:",omitempty"`
	Area   [4]float64      `json:",omitempty"`
}

// PrepAnswer is a worker's answer to a PrepRequest, as JSON: what
// digitprep gave, its error as text and, for the errors a page acts on
// (digitprep.NoDigit and TooSmall), which one it was.
type PrepAnswer struct {
	Input   []float32 `json:"-"` // crosses as bytes (InputBytes, ReadAnswer)
	Info    digitprep.Info
	Refined bool   `json:",omitempty"` // Refine's ok
	Err     string `json:",omitempty"`
	Finding string `json:",omitempty"` // a key of findings
}

// findings are the errors of digitprep that say what it found (and a
// page acts on), by the names they cross to the page with.
var findings = map[string]error{
	"blank": digitprep.ErrBlank,
	"dot":   digitprep.ErrDot,
	"line":  digitprep.ErrLine,
	"small": digitprep.ErrSmallDigit,
}

// Answer does what req asks with img: what a preparation worker runs.
func Answer(img image.Image, req PrepRequest) PrepAnswer {
	if req.Coarse != nil {
		in, info, ok := digitprep.Refine(img, *req.Coarse, req.Area[0], req.Area[1], req.Area[2], req.Area[3])
		return PrepAnswer{Input: in, Info: info, Refined: ok}
	}
	in, info, err := digitprep.Prepare(img)
	a := PrepAnswer{Input: in, Info: info}
	if err != nil {
		a.Err = err.Error()
		for name, f := range findings {
			if errors.Is(err, f) {
				a.Finding = name
			}
		}
	}
	return a
}

// InputBytesLen is the length of an input as it crosses (InputBytes).
const InputBytesLen = 4 * Side * Side

// InputBytes is an answer's input as it crosses: each value's float32
// bits, little-endian.
func InputBytes(in []float32) []byte {
	b := make([]byte, 4*len(in))
	for i, v := range in {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	return b
}

// ReadAnswer is the page's side: a worker's answer to a request (refine:
// one with Coarse set) from its JSON and its input's bytes (InputBytes),
// checked (Check). Bytes that are not a whole input are refused before
// any is read.
func ReadAnswer(answer string, input []byte, refine bool) (PrepAnswer, error) {
	if len(input) != 0 && len(input) != InputBytesLen {
		return PrepAnswer{}, fmt.Errorf("an answer with %d bytes of input, not %d", len(input), InputBytesLen)
	}
	a, err := readAnswer(answer)
	if err != nil {
		return a, err
	}
	if len(input) > 0 {
		a.Input = make([]float32, Side*Side)
		for i := range a.Input {
			a.Input[i] = math.Float32frombits(binary.LittleEndian.Uint32(input[4*i:]))
		}
	}
	return a, a.Check(refine)
}

// Check says what is wrong with an answer that cannot be digitprep's,
// or nil: one with no error must hold an input (a refined one too), of
// 28×28 values, each in [0, 1] as Prepare makes them.
func (a PrepAnswer) Check(refine bool) error {
	if a.Err == "" && (!refine || a.Refined) && len(a.Input) != Side*Side {
		return fmt.Errorf("an answer with %d values of input, not %d", len(a.Input), Side*Side)
	}
	for i, v := range a.Input {
		if !(v >= 0 && v <= 1) { // NaN too
			return fmt.Errorf("an answer whose input value %d is %v, not in [0, 1]", i, v)
		}
	}
	return nil
}

// Prepared is what Preparer.Prepare returns for the answer: the error
// with its text, and errors.Is of the finding it was.
func (a PrepAnswer) Prepared() ([]float32, digitprep.Info, error) {
	switch f, ok := findings[a.Finding]; {
	case a.Err == "":
		return a.Input, a.Info, nil
	case ok:
		return a.Input, a.Info, finding{a.Err, f}
	}
	return a.Input, a.Info, errors.New(a.Err)
}

// finding is an error of digitprep's that crossed from a worker: its text,
// and the finding it wraps.
type finding struct {
	text string
	is   error
}

func (f finding) Error() string { return f.text }
func (f finding) Unwrap() error { return f.is }

// MaxPrepPixels is the most pixels of a picture a worker prepares: those
// of a MaxWork-square picture, which no picture of digitprep.WorkSize's
// size exceeds (a long, narrow one has fewer), the most the page sends.
const MaxPrepPixels = digitprep.MaxWork * digitprep.MaxWork

// ServePrep is the worker's side: the picture (w×h, RGBA bytes as
// getImageData and the page's decoder give them) and the JSON of a
// PrepRequest in, the JSON of its PrepAnswer and its input's bytes
// (InputBytes) out. Pixels that do not make a picture of w×h, at most
// MaxPrepPixels, are refused before any work.
func ServePrep(rgba []byte, w, h int, request string) (answer string, input []byte, err error) {
	// Each side on its own first, so that w*h cannot overflow.
	if w < 1 || h < 1 || w > MaxPrepPixels || h > MaxPrepPixels || w*h > MaxPrepPixels || len(rgba) != 4*w*h {
		return "", nil, fmt.Errorf("%d bytes for %d×%d pixels: not a picture of at most %d pixels", len(rgba), w, h, MaxPrepPixels)
	}
	req, err := readRequest(request)
	if err != nil {
		return "", nil, fmt.Errorf("the request %q: %w", request, err)
	}
	a := Answer(&image.NRGBA{Pix: rgba, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}, req)
	return a.json(), InputBytes(a.Input), nil
}

// RGBA is img's pixels as a picture's RGBA bytes (not premultiplied, as a
// worker is given them), and its size.
func RGBA(img image.Image) (pix []byte, w, h int) {
	b := img.Bounds()
	if n, ok := img.(*image.NRGBA); ok && n.Stride == 4*b.Dx() && len(n.Pix) == 4*b.Dx()*b.Dy() {
		return n.Pix, b.Dx(), b.Dy()
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out.Pix, b.Dx(), b.Dy()
}
