package webapp

import (
	"errors"
	"fmt"
	"math"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/reader"
)

// CurveSteps is how many noise amounts a plot has, from 0 to 1.
const CurveSteps = 11

// Curve is one denoiser's scores for a digit over the noise amounts.
type Curve struct {
	Name       string    // which: CurveInput, CurveMedian, CurvePlain, CurveSeed or CurveStrong
	Label      string    // what the plot calls it: its name, or for the seed's model with the person's weights, "your weights"
	PSNR       []float64 // dB against the clean digit, one per amount
	Confidence []float64 // the reader's probability of the digit, one per amount
}

// Curves are the scores of the noisy input, the 3×3 median filter, the
// plain autoencoder, the seed's model and the strong model for one digit,
// with one noise kind and draw, at amounts 0, 0.1, …, 1.
type Curves struct {
	Kind    string // the noise kind
	Digit   int    // the digit whose probability Confidence is
	Amounts []float64
	Curves  []Curve
}

// The curves' names, in the plot's order.
const (
	CurveInput  = "noisy input"
	CurveMedian = "median 3×3"
	CurvePlain  = "plain autoencoder"
	CurveSeed   = "seed's model"
	CurveStrong = "strong model"
)

// curveWorkspaces are workspaces of the models of their own, so that
// curves are computed beside the page's runs without sharing their
// scratch memory.
type curveWorkspaces struct{ dae, ae, strong, rd *nn.Workspace }

// Curves scores the digit clean (Side×Side) with noise of n's kind and
// draw at every amount, for the plot; digit is the one whose probability
// the reader gives: the label, where known, or -1 for what it reads in
// clean.
// step, if not nil, is called after each amount: the page yields to the
// browser there, so that the work comes in small pieces, and stops the
// work (ErrStopped) by returning false. The strong model's curve is left
// out while it is not loaded.
func (m *Models) Curves(clean []float32, n Noise, digit int, step func() bool) (*Curves, error) {
	if len(clean) != Side*Side {
		return nil, fmt.Errorf("the digit has %d values, want %d (28×28)", len(clean), Side*Side)
	}
	ws := curveWorkspaces{dae: m.DAE.NewWorkspace(), ae: m.AE.NewWorkspace(), rd: m.Reader.NewWorkspace()}
	if m.Strong != nil {
		ws.strong = m.Strong.NewWorkspace()
	}
	probs := make([]float32, reader.Digits)
	if digit < 0 {
		if err := ws.rd.Encode(probs, clean); err != nil {
			return nil, err
		}
		digit = reader.Of(probs).Digit
	}
	if digit >= reader.Digits {
		return nil, fmt.Errorf("no digit %d: digits are 0 to %d", digit, reader.Digits-1)
	}
	c := &Curves{Kind: n.Kind, Digit: digit}
	names := []string{CurveInput, CurveMedian, CurvePlain, CurveSeed}
	if ws.strong != nil {
		names = append(names, CurveStrong)
	}
	for _, name := range names {
		label := name
		if name == CurveSeed && m.DAEFile != "" {
			label = yourWeights
		}
		c.Curves = append(c.Curves, Curve{Name: name, Label: label})
	}
	out := make([]float32, Side*Side)
	for i := range CurveSteps {
		a := float64(i) / float64(CurveSteps-1)
		c.Amounts = append(c.Amounts, a)
		n.Amount = a
		in, err := n.Apply(clean)
		if err != nil {
			return nil, err
		}
		for k := range c.Curves {
			switch c.Curves[k].Name {
			case CurveInput:
				copy(out, in)
			case CurveMedian:
				classic.Median(out, in, Side, Side, 1)
			case CurvePlain:
				err = ws.ae.Denoise(out, in)
			case CurveSeed:
				err = ws.dae.Denoise(out, in)
			case CurveStrong:
				err = ws.strong.Denoise(out, in)
			}
			if err == nil {
				err = ws.rd.Encode(probs, out)
			}
			if err != nil {
				return nil, err
			}
			c.Curves[k].PSNR = append(c.Curves[k].PSNR, quality.PSNR(clean, out))
			c.Curves[k].Confidence = append(c.Curves[k].Confidence, float64(probs[digit]))
		}
		if step != nil && !step() {
			return nil, ErrStopped
		}
	}
	return c, nil
}

// ErrStopped is Curves' error when its step function stopped it.
var ErrStopped = errors.New("stopped")

// MaxPlotPSNR is the top of the plot's PSNR axis: a clean digit's PSNR is
// infinite (quality.MaxPSNR), drawn at the top, as is any over it.
const MaxPlotPSNR = 40.0

// plotPSNR is p as the plot draws it.
func plotPSNR(p float64) float64 { return math.Min(p, MaxPlotPSNR) }
