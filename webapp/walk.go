package webapp

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/reader"
)

// WalkEnd is one end of a walk through a denoiser's code space: the code
// of a digit the page showed, the model input it came from, and the
// denoiser whose code it is.
type WalkEnd struct {
	Input, Latent []float32
	// Output is the decoder's image of Latent (the denoised digit): what
	// the end is, where the input may be mostly noise.
	Output   []float32
	Reading  reader.Reading // what the digit reader sees in Output
	Denoiser Denoiser
	Title    string // what the page calls the denoiser (Models.Title)
}

// walkEnd is the walk's end made of what a model made of a digit.
func walkEnd(r *Result) *WalkEnd {
	return &WalkEnd{Input: r.Input, Latent: r.Latent, Output: r.DAE, Reading: r.DAEReading, Denoiser: r.Denoiser, Title: r.Title}
}

// Walk is the code-space view. Between two digits' codes, the decoder's
// image of the point T of the way from A to B shows that the code is a
// learned space (the points between are digits too, not two pictures
// faded into each other); and one unit of the current digit's code, nudged,
// shows what that unit does.
type Walk struct {
	A, B           *WalkEnd
	T              float64   // 0 at A, 1 at B
	Between        []float32 // the decoder's image of (1−T)·A + T·B; nil without both ends
	BetweenReading reader.Reading
	Unit           int     // the nudged unit's index in the current digit's code
	Nudge          float64 // added to it, as a share of the code's largest value (−1 to 1)
	Nudged         []float32
	NudgedReading  reader.Reading
	// UnitValue is the nudged unit's value in the current digit's code,
	// and Largest the code's largest value, which the nudge is a share of.
	UnitValue, Largest float32
	// Note says, beside the ends, what taking one did besides: there was
	// no digit to take, or the other end was taken with another denoiser
	// and its digit was coded again (codes of two models do not mix).
	Note string
	// noDigit says that Note is of the first kind, about the digit shown
	// then: it goes when another is (Store.show).
	noDigit bool
	// Taken is what taking the last end did, for a screen reader (the
	// end's picture and reading come silently): what its digit reads and
	// what comes next; "" when that end was not taken (Note says why), or
	// once the ends are dropped.
	Taken string
}

// taken is Walk.Taken of end which, just taken, with other the other end
// (nil while it is not taken).
func taken(which string, end, other *WalkEnd) string {
	next := " Take the other end too, to slide between them."
	if other != nil {
		next = " The slider between A and B now goes from one to the other: it says what the decoder's picture reads."
	}
	return fmt.Sprintf("End %s taken: its digit, as %s decodes its code, reads %s.%s", which, end.Title, end.Reading, next)
}

// Values says what the nudge does in numbers: the unit's value in the
// code, as nudged, and the code's largest value, which the nudge is a
// share of (a nudge of a unit that is 0 and stays near it shows little).
func (w Walk) Values() string {
	return fmt.Sprintf("This unit is %.2f in the code, %.2f nudged; the code's largest value is %.2f.", w.UnitValue, w.nudgedValue(), w.Largest)
}

// nudgedValue is the unit's value nudged: the nudge is a share of the
// code's largest value.
func (w Walk) nudgedValue() float32 { return w.UnitValue + float32(w.Nudge)*w.Largest }

// UnitName says where unit i of a code of shape s lies: its map, row and
// column.
func UnitName(i int, s nn.Shape) string {
	return fmt.Sprintf("map %d, row %d, column %d", i/(s.H*s.W), i/s.W%s.H, i%s.W)
}

// NudgeSeen is the least change of a pixel, as a share of the grey scale
// (10 of 255 levels), that NudgeShows counts as one to see: a 28×28 tile
// changed by less everywhere looks the same.
const NudgeSeen = 10.0 / 255

// Framed is the unit the page frames on the heat maps: the one nudged, if
// a nudge is shown and is not 0.
func (w Walk) Framed() (unit int, ok bool) {
	return w.Unit, w.Nudged != nil && w.Nudge != 0
}

// NudgeShows says whether the nudge changes r's denoised digit (the
// decoder's image of the code as it is) by NudgeSeen somewhere: a unit the
// decoder makes little of, for this digit, changes nothing to see.
func (w Walk) NudgeShows(r *Result) bool {
	if r == nil || len(w.Nudged) != len(r.DAE) {
		return false
	}
	for i, v := range w.Nudged {
		if math.Abs(float64(v-r.DAE[i])) > NudgeSeen {
			return true
		}
	}
	return false
}

// decode runs the decoder of denoiser d on a code and reads the image.
func (m *Models) decode(d Denoiser, latent []float32) ([]float32, reader.Reading, error) {
	ws := m.daeWS
	if d == Strong {
		if m.Strong == nil {
			return nil, reader.Reading{}, errors.New("the strong model has not loaded")
		}
		ws = m.strongWS
	}
	img := make([]float32, Side*Side)
	if err := ws.Decode(img, latent); err != nil {
		return nil, reader.Reading{}, err
	}
	r, err := m.read(img)
	return img, r, err
}

// between decodes the point T of the way from A to B.
func (m *Models) between(w *Walk) error {
	w.Between = nil
	if w.A == nil || w.B == nil {
		return nil
	}
	code := make([]float32, len(w.A.Latent))
	for i := range code {
		code[i] = float32((1-w.T)*float64(w.A.Latent[i]) + w.T*float64(w.B.Latent[i]))
	}
	var err error
	w.Between, w.BetweenReading, err = m.decode(w.A.Denoiser, code)
	return err
}

// nudged decodes the result's code with the walk's unit nudged.
func (m *Models) nudged(w *Walk, r *Result) error {
	w.Nudged = nil
	if r == nil {
		return nil
	}
	if w.Unit < 0 || w.Unit >= len(r.Latent) {
		w.Unit = 0
	}
	code := append([]float32(nil), r.Latent...)
	_, top := LatentRange(code) // the top of the heat maps' scale, as their caption says
	w.UnitValue, w.Largest = code[w.Unit], top
	if w.Nudge == 0 {
		// The code as it is: the denoised digit, decoded and read
		// already (a decode and a reading at every step of a slider).
		w.Nudged, w.NudgedReading = slices.Clone(r.DAE), r.DAEReading
		return nil
	}
	code[w.Unit] = w.nudgedValue()
	var err error
	w.Nudged, w.NudgedReading, err = m.decode(r.Denoiser, code)
	return err
}
