package webapp

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/draw"

	"github.com/godae/dae/digitprep"
)

// Preparer prepares the pictures of uploads as digitprep does. Preparing
// a picture of digitprep.WorkSize takes long enough to hold up the page
// (a fifth of a second for a hard one in the browser), so the page has
// one that prepares them in a worker (PrepareWith); the store calls it
// outside its lock, in FinishUpload, ChoosePartIn and FinishZoom, which the
// page calls on goroutines of their own, never on an event's (which may
// not wait for a worker).
type Preparer interface {
	Prepare(img image.Image) ([]float32, digitprep.Info, error)
	Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool)
}

// Here is the Preparer that prepares on the goroutine that asks: digitprep
// itself. A store prepares so until given another (PrepareWith).
type Here struct{}

func (Here) Prepare(img image.Image) ([]float32, digitprep.Info, error) {
	return digitprep.Prepare(img)
}

func (Here) Refine(part image.Image, coarse digitprep.Info, left, top, right, bottom float64) ([]float32, digitprep.Info, bool) {
	return digitprep.Refine(part, coarse, left, top, right, bottom)
}

// PrepareWith has the store prepare uploads and finer looks at them with p.
func (s *Store) PrepareWith(p Preparer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prep = p
}

// preparer is the store's Preparer.
func (s *Store) preparer() Preparer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prep == nil {
		return Here{}
	}
	return s.prep
}

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
	Input   []float32 `json:",omitempty"`
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

// ServePrep is the worker's side: the picture (w×h, RGBA bytes as
// getImageData and the page's decoder give them) and the JSON of a
// PrepRequest in, the JSON of its PrepAnswer out. Pixels that do not make
// a picture of at most digitprep.WorkSize's pixels are refused: the page
// sends no more, and the worker prepares nothing larger.
func ServePrep(rgba []byte, w, h int, request string) (string, error) {
	if w < 1 || h < 1 || w*h > digitprep.MaxWork*digitprep.MaxWork || len(rgba) != 4*w*h {
		return "", fmt.Errorf("%d bytes for %d×%d pixels: not a picture of at most %d pixels", len(rgba), w, h, digitprep.MaxWork*digitprep.MaxWork)
	}
	var req PrepRequest
	if err := json.Unmarshal([]byte(request), &req); err != nil {
		return "", fmt.Errorf("the request %q: %w", request, err)
	}
	out, err := json.Marshal(Answer(&image.NRGBA{Pix: rgba, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}, req))
	return string(out), err
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
