package webapp

import (
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/weights"
)

// The curves are what the page computes for each amount: the same noise,
// the same denoisers, scored against the clean digit.
func TestCurves(t *testing.T) {
	m := testModels(t)
	s := Samples()[4]
	n := Noise{Kind: SaltPepper, Seed: 3}
	steps := 0
	c, err := m.Curves(s.Pixels, n, s.Label, func() bool { steps++; return true })
	require.NoError(t, err)
	assert.Equal(t, CurveSteps, steps, "a step per amount, for the page to yield")
	_, err = m.Curves(s.Pixels, n, s.Label, func() bool { return false })
	assert.ErrorIs(t, err, ErrStopped)
	require.Len(t, c.Amounts, CurveSteps)
	assert.Equal(t, []string{CurveInput, CurveMedian, CurvePlain, CurveSeed, CurveStrong}, names(c))
	assert.Equal(t, quality.MaxPSNR, c.Curves[0].PSNR[0], "no noise: the input is the digit")

	n.Amount = 0.3
	in, err := n.Apply(s.Pixels)
	require.NoError(t, err)
	med := make([]float32, len(in))
	classic.Median(med, in, Side, Side, 1)
	assert.Equal(t, quality.PSNR(s.Pixels, in), c.Curves[0].PSNR[3])
	assert.Equal(t, quality.PSNR(s.Pixels, med), c.Curves[1].PSNR[3])
	r, err := m.Run(Strong, in, s.Pixels)
	require.NoError(t, err)
	assert.Equal(t, r.DAEScores.PSNR, c.Curves[4].PSNR[3], "the strong model's, as the page shows it")
	assert.Equal(t, r.AEScores.PSNR, c.Curves[2].PSNR[3], "the plain autoencoder's, as the page shows it")

	// Without the strong model, and for a digit not known: what the reader
	// reads in the clean digit.
	b := m.Bundle
	b.Strong = nil
	m2, err := NewModels(b)
	require.NoError(t, err)
	c, err = m2.Curves(s.Pixels, n, -1, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{CurveInput, CurveMedian, CurvePlain, CurveSeed}, names(c))
	read, err := m2.read(s.Pixels)
	require.NoError(t, err)
	assert.Equal(t, read.Digit, c.Digit)
	_, err = m.Curves(s.Pixels[:10], n, 1, nil)
	assert.Error(t, err)
}

func names(c *Curves) []string {
	var out []string
	for _, cv := range c.Curves {
		out = append(out, cv.Name)
	}
	return out
}

// The plot is well-formed SVG with a line per denoiser in each panel; the
// chosen amount's mark, laid over it, runs down each panel at the amount;
// its summary gives the numbers at that amount.
func TestPlot(t *testing.T) {
	f, err := weights.Read("../weights/strong.safetensors")
	require.NoError(t, err)
	b := randomBundle(t)
	b.Strong = f.Model
	m, err := NewModels(b)
	require.NoError(t, err)
	s := Samples()[0]
	c, err := m.Curves(s.Pixels, DefaultNoise(), s.Label, nil)
	require.NoError(t, err)
	wide := c.SVG(WidePlot)
	for _, l := range []PlotLayout{WidePlot, NarrowPlot} {
		svg := c.SVG(l)
		require.NoError(t, xml.Unmarshal([]byte(svg), new(struct{})), "well-formed")
		assert.Equal(t, 2*len(c.Curves), strings.Count(svg, "<polyline"), "a line per denoiser in each panel")
		assert.NotContains(t, svg, `class="mark"`, "the amount chosen is laid over it")
		assert.Contains(t, svg, "The reader's confidence that it is a 0")
		assert.Contains(t, svg, fmt.Sprintf(`width="%d" height="%d"`, l.Width, l.Height))
	}
	// The amount chosen: half way along each panel, its whole height.
	assert.Equal(t, [2]PlotMark{{175, 20, 160}, {495, 20, 160}}, WidePlot.Mark(0.5))
	assert.Equal(t, [2]PlotMark{{50, 20, 160}, {50, 240, 160}}, NarrowPlot.Mark(0))
	assert.Equal(t, [2]PlotMark{{300, 20, 160}, {300, 240, 160}}, NarrowPlot.Mark(1))
	// Narrow, the panels are one above the other, and the legend in
	// three rows under them.
	narrow := c.SVG(NarrowPlot)
	assert.Contains(t, narrow, `<text x="50" y="12" font-weight="bold">PSNR`)
	assert.Contains(t, narrow, `<text x="50" y="232" font-weight="bold">The reader's`)
	assert.Contains(t, narrow, `<text x="78" y="492">strong model</text>`)
	// Wide, the legend's five entries in rows of three and two.
	assert.Contains(t, wide, `<text x="378" y="228">plain autoencoder</text>`)
	assert.Contains(t, wide, `<text x="78" y="246">seed's model</text>`)
	assert.Contains(t, wide, `<text x="228" y="246">strong model</text>`)
	// The lines differ by more than their colours: each its own dashes,
	// in both panels and the legend.
	dashes := func(element string) []string {
		var ds []string
		for _, line := range regexp.MustCompile(`<`+element+` [^>]*stroke-width="[23]"[^>]*>`).FindAllString(wide, -1) {
			d := regexp.MustCompile(`stroke-dasharray="([^"]*)"`).FindStringSubmatch(line)
			if d == nil {
				d = []string{"", "solid"}
			}
			ds = append(ds, d[1])
		}
		return ds
	}
	curves, legend := dashes("polyline"), dashes("line")
	require.Len(t, curves, 2*len(c.Curves))
	assert.Equal(t, curves[:len(c.Curves)], curves[len(c.Curves):], "each curve dashed alike in both panels")
	assert.Equal(t, curves[:len(c.Curves)], legend, "and in the legend")
	distinct := map[string]bool{}
	for _, d := range legend {
		distinct[d] = true
	}
	assert.Len(t, distinct, len(c.Curves), "%v", legend)
	// Its numbers as a table: a row per amount, a column per curve, each
	// cell the numbers the summary gives at that amount.
	table := c.Table()
	head, rows := table.Head, table.Rows
	assert.Equal(t, "Each cell: PSNR against the clean digit, then the reader's confidence that it is a 0.", table.Caption)
	require.Len(t, head, 1+len(c.Curves))
	assert.Equal(t, "noise amount", head[0])
	require.Len(t, rows, len(c.Amounts))
	for i, row := range rows {
		require.Len(t, row, len(head))
		assert.Equal(t, fmt.Sprintf("%.1f", c.Amounts[i]), row[0])
		sum := c.Summary(c.Amounts[i])
		for j, cv := range c.Curves {
			assert.Equal(t, cv.Label, head[1+j])
			assert.Contains(t, sum, cv.Label+" "+strings.Replace(row[1+j], " · ", ", ", 1), "row %d, %s", i, cv.Label)
		}
	}
	sum := c.Summary(0.5)
	assert.True(t, strings.HasPrefix(sum, "PSNR and the reader's confidence that it is a 0 against the noise amount; at 0.5: noisy input "), sum)
	assert.Contains(t, sum, "strong model ")
	sum = c.Summary(0.65)
	assert.Contains(t, sum, "; at 0.7, the plot's point nearest the amount chosen (0.65): noisy input ", sum)
	sum = c.Summary(0)
	assert.Contains(t, sum, "at 0.0: noisy input 40 dB or more, ", "the clean digit itself: the plot's top, said so")
	// The strong model, trained for it, beats the noisy input at 0.5.
	assert.Greater(t, c.Curves[4].PSNR[5], c.Curves[0].PSNR[5]+5)
}

// The store computes the curves for the digit shown, keeps them while only
// the amount changes, and computes them again for another digit or kind;
// an upload has none.
func TestStoreCurves(t *testing.T) {
	s, _ := loadedStore(t)
	assert.Nil(t, s.State().Curves, "computed on demand")
	s.UpdateCurves(nil)
	c := s.State().Curves
	require.NotNil(t, c)
	assert.Equal(t, Samples()[0].Label, c.Digit)
	n := s.State().Noise
	n.Amount = 0.8
	s.SetNoise(n)
	assert.Same(t, c, s.State().Curves, "the amount alone changes nothing")
	n.Kind = Occlusion
	s.SetNoise(n)
	assert.Nil(t, s.State().Curves)
	s.UpdateCurves(nil)
	assert.Equal(t, Occlusion, s.State().Curves.Kind)
	s.ShowSample(5)
	assert.Nil(t, s.State().Curves)
	s.UpdateCurves(nil)
	assert.Equal(t, Samples()[5].Label, s.State().Curves.Digit)

	// A drawing has its curves, computed once the pen lifts.
	s.SetMode(ModeDraw)
	changes := 0
	s.onChange = func() { changes++ }
	s.SetPenDown(true)
	assert.Zero(t, changes, "the pen going down shows nothing new")
	s.Drew(drawing(280, 280), 280, 280)
	s.UpdateCurves(nil)
	assert.Nil(t, s.State().Curves, "not while the pen is down")
	changes = 0
	s.SetPenDown(false)
	assert.Equal(t, 1, changes, "the pen lifting is a change: the page then asks for the curves")
	s.UpdateCurves(nil)
	require.NotNil(t, s.State().Curves, "a drawing has its curves")
	// A pen held down as the page goes to another tab is down no longer.
	s.SetPenDown(true)
	s.ShowSample(3)
	assert.False(t, s.State().PenDown)
	s.UpdateCurves(nil)
	assert.Equal(t, Samples()[3].Label, s.State().Curves.Digit, "the gallery's plot is computed")
	s.SetMode(ModeDraw)
	s.SetMode(ModeUpload)
	s.UpdateCurves(nil)
	assert.Nil(t, s.State().Curves, "an upload has no clean digit")

	// A computation the page moves on from stops at its next step, and is
	// not kept; other weights make other curves.
	s.ShowSample(1)
	moved := false
	s.UpdateCurves(func() {
		if !moved {
			moved = true
			s.ShowSample(2)
		}
	})
	assert.Nil(t, s.State().Curves, "the curves of sample 1 are not kept for sample 2")
	assert.Empty(t, s.State().Message)
	s.UpdateCurves(nil)
	require.NotNil(t, s.State().Curves)
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	assert.Nil(t, s.State().Curves, "new weights, new curves")
}

// Curves that cannot be computed are said so in the plot's place and not
// tried again for the same digit and noise kind (a failure would fail
// again, for ever); another digit tries again.
func TestStoreCurvesFail(t *testing.T) {
	s, _ := loadedStore(t)
	tries := 0
	s.curves = func(*Models, []float32, Noise, int, func() bool) (*Curves, error) {
		tries++
		return nil, errors.New("the model broke")
	}
	s.UpdateCurves(nil)
	st := s.State()
	assert.Nil(t, st.Curves)
	assert.Equal(t, "the model broke", st.PlotFailed)
	assert.Empty(t, st.Message, "said in the plot's place, not the page's")
	s.UpdateCurves(nil)
	n := st.Noise
	n.Amount = 0.8
	s.SetNoise(n)
	s.UpdateCurves(nil)
	assert.Equal(t, 1, tries, "not tried again for the same digit and kind")
	assert.Equal(t, "the model broke", s.State().PlotFailed, "the amount alone changes nothing")
	s.ShowSample(4)
	assert.Empty(t, s.State().PlotFailed)
	s.UpdateCurves(nil)
	assert.Equal(t, 2, tries, "another digit is tried again")
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	assert.Empty(t, s.State().PlotFailed, "other weights, other curves")
	s.curves = (*Models).Curves
	s.UpdateCurves(nil)
	assert.NotNil(t, s.State().Curves)

	// A computation stopped for a change undone before it ended is not a
	// failure: the curves are computed again.
	s.curves = func(*Models, []float32, Noise, int, func() bool) (*Curves, error) { return nil, ErrStopped }
	s.ShowSample(5)
	s.UpdateCurves(nil)
	assert.Empty(t, s.State().PlotFailed)
	s.curves = (*Models).Curves
	s.UpdateCurves(nil)
	assert.NotNil(t, s.State().Curves)
}
