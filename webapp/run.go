package webapp

import (
	"errors"
	"fmt"
	"time"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/quality"
)

// Side is the side of the model's input and output images: MNIST's, as
// uploads are prepared.
const Side = digitprep.Side

// Models are the two autoencoders the page compares, each with its
// workspace (the page runs them on one goroutine).
type Models struct {
	dae, ae     *nn.Model
	daeWS, aeWS *nn.Workspace
}

// NewModels checks that both models take 1×28×28 images and prepares them.
func NewModels(dae, ae *nn.Model) (*Models, error) {
	for name, m := range map[string]*nn.Model{"denoising": dae, "plain": ae} {
		if m == nil {
			return nil, fmt.Errorf("the %s autoencoder is missing", name)
		}
		if !m.Arch().IsAutoencoder() {
			return nil, fmt.Errorf("the %s autoencoder's weights are of an encoder alone (its output is %s), such as a classifier, not of an autoencoder", name, m.LatentShape())
		}
		if s := m.InputShape(); s != (nn.Shape{C: 1, H: Side, W: Side}) {
			return nil, fmt.Errorf("the %s autoencoder takes %s images; the page needs 1×28×28", name, s)
		}
	}
	return &Models{dae: dae, ae: ae, daeWS: dae.NewWorkspace(), aeWS: ae.NewWorkspace()}, nil
}

// WithDAE returns Models with the denoising autoencoder replaced (by one
// the person dropped in).
func (m *Models) WithDAE(dae *nn.Model) (*Models, error) { return NewModels(dae, m.ae) }

// Scores are the metrics of one output against the clean digit.
type Scores struct{ PSNR, SSIM float64 }

// Result is what the page shows for one input.
type Result struct {
	Input       []float32 // the model input, 28×28
	Clean       []float32 // the clean digit where known (gallery, drawing), else nil
	DAE, AE     []float32 // the two models' outputs
	Latent      []float32 // the denoising model's code
	LatentShape nn.Shape
	Millis      float64 // time the denoising model took (encode and decode)
	DAEScores   *Scores // against Clean, when known
	AEScores    *Scores
	NoisyScores *Scores // the input itself against Clean
}

// Run runs input (28×28 in [0,1]) through both models. clean may be nil.
func (m *Models) Run(input, clean []float32) (*Result, error) {
	if len(input) != Side*Side {
		return nil, fmt.Errorf("input has %d values, want %d", len(input), Side*Side)
	}
	if clean != nil && len(clean) != len(input) {
		return nil, errors.New("clean and input differ in size")
	}
	r := &Result{Input: input, Clean: clean, DAE: make([]float32, len(input)), AE: make([]float32, len(input)), LatentShape: m.dae.LatentShape()}
	r.Latent = make([]float32, r.LatentShape.Len())
	// Denoise is Decode(Encode(x)); running the halves keeps the code the
	// heat map shows without encoding twice.
	start := time.Now()
	if err := m.daeWS.Encode(r.Latent, input); err != nil {
		return nil, err
	}
	if err := m.daeWS.Decode(r.DAE, r.Latent); err != nil {
		return nil, err
	}
	r.Millis = float64(time.Since(start).Microseconds()) / 1000
	if err := m.aeWS.Denoise(r.AE, input); err != nil {
		return nil, err
	}
	if clean != nil {
		score := func(out []float32) *Scores {
			return &Scores{PSNR: quality.PSNR(clean, out), SSIM: quality.SSIM(clean, out, Side, Side)}
		}
		r.DAEScores, r.AEScores, r.NoisyScores = score(r.DAE), score(r.AE), score(input)
	}
	return r, nil
}
