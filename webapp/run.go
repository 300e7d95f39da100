package webapp

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/reader"
)

// Side is the side of the model's input and output images: MNIST's, as
// uploads are prepared.
const Side = digitprep.Side

// Denoiser names one of the page's two denoisers.
type Denoiser string

// The page's denoisers: the seed's denoising autoencoder (the lesson, with
// the plain autoencoder beside it) and the strong blind model, which the
// page uses by default for uploads and drawings.
const (
	Seed   Denoiser = "seed"
	Strong Denoiser = "strong"
)

// Denoisers are the page's denoisers, in the order its picker shows them.
var Denoisers = []Denoiser{Seed, Strong}

// Title is what the page calls the denoiser.
func (d Denoiser) Title() string {
	if d == Strong {
		return "the strong model"
	}
	return "the seed's model"
}

// About says in a sentence what the denoiser is.
func (d Denoiser) About() string {
	if d == Strong {
		return "A wider autoencoder, trained on many kinds of damage and on clean digits: the choice for uploads and drawings."
	}
	return "The project's first denoiser (its seed), small, trained on Gaussian noise only: compare it with the plain autoencoder."
}

// Bundle is the models the page loads: the seed's denoising and plain
// autoencoders, the strong model and the digit reader. The strong model
// may come later (nil until then): the page's first view, the gallery,
// does not need it.
type Bundle struct {
	DAE, AE, Strong, Reader *nn.Model
	// DAEFile is the name of the person's weights file that DAE came
	// from, or "" for the page's own: what the page calls the seed's model
	// then (Models.Title).
	DAEFile string
}

// Models are the page's models, each with its workspace, used by the
// store's actions one at a time (under its lock); the plot's curves,
// computed beside them, use workspaces of their own.
type Models struct {
	Bundle
	daeWS, aeWS, strongWS *nn.Workspace
	rdWS                  *nn.Workspace // the reader's sums before its softmax (nn.Model.Logits)
}

// NewModels checks that the autoencoders take 1×28×28 images to images
// and the reader 1×28×28 images to ten probabilities, and prepares them.
// The strong model may be nil, until [Models.WithStrong] adds it.
func NewModels(b Bundle) (*Models, error) {
	if b.Reader == nil {
		return nil, errors.New("the digit reader is missing")
	}
	if err := reader.Check(b.Reader); err != nil {
		return nil, err
	}
	for _, x := range []struct {
		name string
		m    *nn.Model
	}{{"denoising autoencoder", b.DAE}, {"plain autoencoder", b.AE}} {
		if err := checkAutoencoder(x.name, x.m); err != nil {
			return nil, err
		}
	}
	sums, _ := b.Reader.Logits() // reader.Check: it has them
	m := &Models{Bundle: b, daeWS: b.DAE.NewWorkspace(), aeWS: b.AE.NewWorkspace(), rdWS: sums.NewWorkspace()}
	if b.Strong != nil {
		if err := checkAutoencoder("strong model", b.Strong); err != nil {
			return nil, err
		}
		m.strongWS = b.Strong.NewWorkspace()
	}
	return m, nil
}

// WithStrong returns Models with the strong model, which came after the
// others.
func (m *Models) WithStrong(strong *nn.Model) (*Models, error) {
	if strong == nil {
		return nil, errors.New("the strong model is missing")
	}
	b := m.Bundle
	b.Strong = strong
	return NewModels(b)
}

// checkAutoencoder says why m cannot be one of the page's autoencoders,
// if it cannot.
func checkAutoencoder(name string, m *nn.Model) error {
	if m == nil {
		return fmt.Errorf("the %s is missing", name)
	}
	if !m.Arch().IsAutoencoder() {
		return fmt.Errorf("the %s's weights are of an encoder alone (its output is %s), such as a classifier, not of an autoencoder", name, m.LatentShape())
	}
	if s := m.InputShape(); s != (nn.Shape{C: 1, H: Side, W: Side}) {
		return fmt.Errorf("the %s takes %s images; the page needs 1×28×28", name, s)
	}
	return nil
}

// WithDAE returns Models with the seed's denoising autoencoder replaced (by
// one the person dropped in).
func (m *Models) WithDAE(dae *nn.Model) (*Models, error) {
	b := m.Bundle
	b.DAE, b.DAEFile = dae, ""
	return NewModels(b)
}

// Title is what the page calls denoiser d: Denoiser.Title, or for the
// seed's model with the person's weights, those weights.
func (m *Models) Title(d Denoiser) string {
	if d == Seed && m.DAEFile != "" {
		return yourWeights + " (" + m.DAEFile + ")"
	}
	return d.Title()
}

// yourWeights is what the page calls the seed's model with the person's
// weights.
const yourWeights = "your weights"

// read runs the digit reader on one 28×28 image: its sums, and from them
// its probabilities (reader.OfSums).
func (m *Models) read(img []float32) (reader.Reading, error) {
	var sums [reader.Digits]float32
	if err := m.rdWS.Encode(sums[:], img); err != nil {
		return reader.Reading{}, err
	}
	return reader.OfSums(sums[:]), nil
}

// Scores are the metrics of one output against the clean digit.
type Scores struct{ PSNR, SSIM float64 }

// String is the scores as the page shows them: PSNR to a tenth of a dB
// ("identical (∞ dB)" for the same picture) and SSIM to a hundredth, a
// value a hair under 0 shown as 0.00, not -0.00. A line breaks it at the
// dot only (no-break spaces): a phone's narrow column broke "SSIM" from
// its value.
func (s Scores) String() string {
	ssim := fmt.Sprintf("%.2f", s.SSIM)
	if ssim == "-0.00" {
		ssim = "0.00"
	}
	if s.PSNR >= quality.MaxPSNR {
		return "identical (∞\u00a0dB) · SSIM\u00a0" + ssim
	}
	return fmt.Sprintf("%.1f\u00a0dB · SSIM\u00a0%s", s.PSNR, ssim)
}

// Result is what the page shows for one input.
type Result struct {
	Input       []float32 // the model input, 28×28
	Clean       []float32 // the clean digit where known (gallery, drawing), else nil
	Denoiser    Denoiser  // the denoiser whose output DAE is
	Title       string    // what the page calls it (Models.Title)
	DAE, AE     []float32 // the denoiser's and the plain autoencoder's outputs
	Latent      []float32 // the denoiser's code
	LatentShape nn.Shape
	Millis      float64 // time the denoising model took (encode and decode)
	DAEScores   *Scores // against Clean, when known
	AEScores    *Scores
	NoisyScores *Scores // the input itself against Clean
	// What the digit reader sees in the input and in each output: whether
	// denoising kept the digit.
	InputReading, DAEReading, AEReading reader.Reading
	Label                               int // the digit it is, where known (a gallery digit), else -1
	// CleanReading is what the reader sees in the clean digit, where that
	// is known (a gallery digit, a drawing before its noise); nil for an
	// upload.
	CleanReading *reader.Reading
	// NoiseReadAs is the digit the reader reads most digits as under the
	// input's noise (Noise.ReadAs), and NoiseShare the share it reads so,
	// where it reads most so and the noise is known (a gallery digit, a
	// drawing); else NoiseShare is 0. Its reading of the input, if that
	// digit, says little of the digit under the noise.
	NoiseReadAs int
	NoiseShare  float64
	// Washed says that the noise left nothing of the digit: the input is
	// the noise alone (salt and pepper on every pixel), the same for every
	// digit.
	Washed bool
	// Untouched says that the noise, at an amount over 0, changed no
	// pixel: a small block fell on the black background.
	Untouched bool
}

// unsure is the reader's probability under which the page says, of an
// upload read that unsurely before and after denoising, that the reader
// is unsure what it is, and of a known digit read that unsurely after,
// that it is not kept or recovered to speak of.
const unsure = 0.6

// Verdict says in words what denoising did to the digit the reader sees
// (of an upload read under unsure before and after, that the reader is
// unsure what it is; of one scored under reader.Faint before and after,
// that it does not look much like a digit; under unsure after only, that
// it is unsure of the output):
// against the digit it is, where that is known, or else against what the
// reader sees in the clean digit (a drawing before its noise).
func (r *Result) Verdict() string {
	in, out := r.InputReading, r.DAEReading
	switch {
	case r.Label >= 0:
		return r.against("it is "+aDigit(r.Label), r.Label)
	case r.CleanReading != nil:
		d := r.CleanReading.Digit
		return r.against("your drawing reads as "+aDigit(d)+" without its noise", d)
	case in.P < unsure && out.P < unsure:
		// A picture of something else (a landscape, a smudge) is read as
		// some digit too, but seldom surely.
		return fmt.Sprintf("the reader is unsure what this is, before and after denoising (under %.0f %%): if it is not the digit, drag a box around the digit", 100*unsure)
	case in.Faint() && out.Faint():
		return "this does not look much like any digit to the reader, before or after denoising: if there is a digit in the picture and this is not it, drag a box around the digit"
	case out.P < unsure:
		// Read surely before and unsurely after: not a change of digit to
		// speak of (a sun read as a 5 at 79 %, as a 7 at 37 % after).
		return fmt.Sprintf("the reader is unsure what denoising made of it (under %.0f %%)", 100*unsure)
	case in.Digit == out.Digit && out.P > in.P && out.String() != in.String():
		// Clearer only where the page's figures show it (not 100 % → 100 %).
		return "denoising kept the digit and made it clearer"
	case in.Digit == out.Digit:
		return "denoising kept the digit"
	default:
		return "denoising changed what the reader sees"
	}
}

// NoteNoise says, in r, what noise n, which made r's input from r.Clean,
// did to the digit: nothing (Result.Untouched), left nothing of it
// (Result.Washed), or too little for the reader's reading of the input to
// say much (Result.NoiseReadAs).
func (r *Result) NoteNoise(n Noise) error {
	alone, err := n.Apply(make([]float32, len(r.Input))) // the same draw: its seed and amount
	if err != nil {
		return err
	}
	r.Washed = n.Amount > 0 && slices.Equal(alone, r.Input)
	r.Untouched = n.Amount > 0 && slices.Equal(r.Input, r.Clean)
	r.NoiseReadAs, r.NoiseShare = 0, 0
	if d, share, ok := n.ReadAs(); ok {
		r.NoiseReadAs, r.NoiseShare = d, share
	}
	return nil
}

// NoiseNote says, where the reader reads the input as the digit it reads
// most digits as under its noise (NoiseReadAs), that it does: its
// reading of the input then says little of the digit. "" otherwise. The
// page shows it under the input's reading, which it explains (the reader
// reads the noise as an 8, whatever digit is drawn or picked).
func (r *Result) NoiseNote() string {
	if r.NoiseShare == 0 || r.InputReading.Digit != r.NoiseReadAs {
		return ""
	}
	return fmt.Sprintf("under this noise it reads %.0f %% of digits as %s", 100*r.NoiseShare, aDigit(r.NoiseReadAs))
}

// against says what denoising did to digit d, which what says it is:
// whether the reader sees it in the input and in the output, and how
// surely in the output: seen there under unsure, denoising neither kept
// nor recovered it to speak of (salt and pepper on every pixel, the same
// input for every digit, was said to recover a 7 read at 20 %). The
// input's reading counts only if it is not the digit the reader reads
// most digits as under that noise (NoiseNote): an 8 under heavy noise
// was said to be kept, or lost, when the reader had read the noise. Read
// so before and seen after, it is said to be seen after denoising: not
// recovered, which the input's line (8 at 100 %) contradicted.
func (r *Result) against(what string, d int) string {
	in, out := r.InputReading, r.DAEReading
	inOK, outOK := in.Digit == d && r.NoiseNote() == "", out.Digit == d
	switch {
	case r.Washed:
		return what + ", but this much noise leaves nothing of it: every digit gives this same input"
	case outOK && out.P < unsure:
		return fmt.Sprintf("%s: after denoising the reader leans to it, but unsurely (under %.0f %%)", what, 100*unsure)
	case inOK && outOK:
		return what + ", and denoising kept it"
	case outOK && in.Digit == d: // read so before too, as most digits are under this noise: neither kept nor recovered
		return what + ", and the reader sees it after denoising"
	case outOK:
		return what + ": denoising recovered it"
	case inOK:
		return what + ": denoising lost it"
	case in.Digit == d:
		return what + ", which the reader does not see after denoising"
	default:
		return what + ", which the reader sees neither before nor after denoising"
	}
}

// Run runs input (28×28 in [0,1]) through the denoiser d and the plain
// autoencoder. clean may be nil.
func (m *Models) Run(d Denoiser, input, clean []float32) (*Result, error) {
	if len(input) != Side*Side {
		return nil, fmt.Errorf("input has %d values, want %d", len(input), Side*Side)
	}
	if clean != nil && len(clean) != len(input) {
		return nil, fmt.Errorf("clean has %d values and input %d: they must be the same size", len(clean), len(input))
	}
	model, ws := m.DAE, m.daeWS
	if d == Strong {
		if m.Strong == nil {
			return nil, errors.New("the strong model has not loaded")
		}
		model, ws = m.Strong, m.strongWS
	}
	r := &Result{Input: input, Clean: clean, Denoiser: d, Title: m.Title(d), DAE: make([]float32, len(input)), AE: make([]float32, len(input)), LatentShape: model.LatentShape(), Label: -1}
	r.Latent = make([]float32, r.LatentShape.Len())
	// Denoise is Decode(Encode(x)); running the halves keeps the code the
	// heat map shows without encoding twice.
	start := time.Now()
	if err := ws.Encode(r.Latent, input); err != nil {
		return nil, err
	}
	if err := ws.Decode(r.DAE, r.Latent); err != nil {
		return nil, err
	}
	r.Millis = float64(time.Since(start).Microseconds()) / 1000
	if err := m.aeWS.Denoise(r.AE, input); err != nil {
		return nil, err
	}
	for _, x := range []struct {
		img []float32
		to  *reader.Reading
	}{{input, &r.InputReading}, {r.DAE, &r.DAEReading}, {r.AE, &r.AEReading}} {
		var err error
		if *x.to, err = m.read(x.img); err != nil {
			return nil, err
		}
	}
	if clean != nil {
		cr, err := m.read(clean)
		if err != nil {
			return nil, err
		}
		r.CleanReading = &cr
		score := func(out []float32) *Scores {
			return &Scores{PSNR: quality.PSNR(clean, out), SSIM: quality.SSIM(clean, out, Side, Side)}
		}
		r.DAEScores, r.AEScores, r.NoisyScores = score(r.DAE), score(r.AE), score(input)
	}
	return r, nil
}

// aDigit is the digit d with its article, as a sentence says it: "an 8",
// "a 7".
func aDigit(d int) string {
	if d == 8 {
		return "an 8"
	}
	return fmt.Sprintf("a %d", d)
}
