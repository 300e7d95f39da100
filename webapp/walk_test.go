package webapp

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/reader"
	"github.com/godae/dae/weights"
)

// The walk decodes the codes between two digits and the current digit's
// code with one unit nudged, as the engine decodes them.
func TestStoreWalk(t *testing.T) {
	s, _ := loadedStore(t)
	s.SetMode(ModeUpload) // nothing uploaded yet
	s.SetWalkEnd("A")
	assert.Equal(t, "There is no digit to take the code of: pick a sample, upload or draw one first.", s.State().Walk.Note, "said beside the button")
	assert.Nil(t, s.State().Walk.A)
	s.SetMode(ModeGallery)
	assert.Empty(t, s.State().Walk.Note, "said of the upload tab's no digit: gone with it")
	s.SetWalkEnd("A")
	assert.Empty(t, s.State().Walk.Note)
	a := s.State().Result.Latent
	assert.Nil(t, s.State().Walk.Between, "one end is not a walk")
	s.ShowSample(7)
	s.SetWalkEnd("B")
	b := s.State().Result.Latent
	s.SetWalkT(0.25)
	w := s.State().Walk
	require.NotNil(t, w.Between)

	m := s.models
	code := make([]float32, len(a))
	for i := range code {
		code[i] = float32(0.75*float64(a[i]) + 0.25*float64(b[i]))
	}
	want := make([]float32, Side*Side)
	require.NoError(t, m.DAE.NewWorkspace().Decode(want, code))
	assert.Equal(t, want, w.Between)
	probs := make([]float32, reader.Digits)
	require.NoError(t, m.Reader.NewWorkspace().Encode(probs, want))
	got := w.BetweenReading
	assert.NotZero(t, got.Score, "read from the reader's sums")
	got.Score, got.Scored = 0, false
	assert.Equal(t, reader.Of(probs), got, "the reader's probabilities")
	s.SetWalkT(0)
	assert.Equal(t, s.State().Walk.Between, decodeWith(t, m, a), "at A, A's image")

	// No nudge: the denoised digit as decoding its code gives it, and its
	// reading (taken from the result, not decoded again).
	st := s.State()
	require.Zero(t, st.Walk.Nudge)
	assert.Equal(t, decodeWith(t, m, st.Result.Latent), st.Walk.Nudged)
	nudgedRead, err := m.read(st.Walk.Nudged)
	require.NoError(t, err)
	assert.Equal(t, nudgedRead, st.Walk.NudgedReading)
	s.SetNudge(5, 1)
	st = s.State()
	code = append([]float32(nil), st.Result.Latent...)
	var top float32
	for _, v := range code {
		top = max(top, v)
	}
	assert.Equal(t, st.Result.Latent[5], st.Walk.UnitValue)
	assert.Equal(t, top, st.Walk.Largest)
	assert.Equal(t, fmt.Sprintf("This unit is %.2f in the code, %.2f nudged; the code's largest value is %.2f.", code[5], code[5]+top, top), st.Walk.Values())
	code[5] += top
	assert.Equal(t, decodeWith(t, m, code), st.Walk.Nudged)
	s.SetNoise(Noise{Kind: Gaussian, Amount: 0.2, Seed: 4})
	assert.NotEqual(t, st.Walk.Nudged, s.State().Walk.Nudged, "the nudge follows the digit shown")

	s.SetNudge(len(code), 0.5)
	assert.Contains(t, s.State().Message, "cannot nudge unit 128")
	// A unit picked on the heat map is nudged by the nudge chosen, or by
	// the code's largest value when none is.
	u, framed := s.State().Walk.Framed()
	assert.True(t, framed, "unit 5 nudged, the refused nudge aside")
	assert.Equal(t, 5, u)
	s.SetNudge(5, -0.25)
	s.PickUnit(9)
	u, framed = s.State().Walk.Framed()
	assert.True(t, framed)
	assert.Equal(t, 9, u)
	assert.Equal(t, 9, s.State().Walk.Unit)
	assert.Equal(t, -0.25, s.State().Walk.Nudge)
	s.SetNudge(9, 0)
	_, framed = s.State().Walk.Framed()
	assert.False(t, framed, "a nudge of 0 frames nothing")
	assert.True(t, s.PickUnit(11))
	assert.Equal(t, 11, s.State().Walk.Unit)
	assert.Equal(t, 1.0, s.State().Walk.Nudge)
	assert.NotNil(t, s.State().Walk.Nudged)
	assert.False(t, s.PickUnit(-1))
	assert.Contains(t, s.State().Message, "cannot nudge unit -1")
	s.SetWalkT(2)
	assert.Contains(t, s.State().Message, "not between 0 and 1")

	// An end taken with the strong model has the other end's digit coded
	// by the strong model too: codes of two models do not mix.
	aInput := s.State().Walk.A.Input
	s.UseDenoiser(Strong)
	s.SetWalkEnd("B")
	w = s.State().Walk
	assert.Equal(t, Strong, w.A.Denoiser)
	assert.Equal(t, Strong, w.B.Denoiser)
	assert.Equal(t, aInput, w.A.Input, "A keeps its digit")
	again, err := m.Run(Strong, aInput, nil)
	require.NoError(t, err)
	assert.Equal(t, again.Latent, w.A.Latent, "coded by the strong model")
	assert.Equal(t, again.DAE, w.A.Output)
	assert.Equal(t, s.State().Result.Latent, w.B.Latent)
	assert.NotEqual(t, w.A.Latent, w.B.Latent)
	assert.Equal(t, "The other end was coded by the seed's model and this one by the strong model: codes of two models do not mix, so the other end's digit is coded by the strong model now too.", w.Note)
	assert.Len(t, w.Between, Side*Side)
	assert.Equal(t, "map 2, row 3, column 1", UnitName(2*49+3*7+1, nn.Shape{C: 32, H: 7, W: 7}))

	// Weights given in the seed's place end a walk in the seed's codes,
	// which are not codes of the new weights.
	s.UseDenoiser(Seed)
	s.SetWalkEnd("A")
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	assert.Nil(t, s.State().Walk.A)
	s.SetWalkT(0.5)
	assert.Empty(t, s.State().Message)
}

func decodeWith(t *testing.T, m *Models, code []float32) []float32 {
	out := make([]float32, Side*Side)
	require.NoError(t, m.DAE.NewWorkspace().Decode(out, code))
	return out
}

// With the shipped seed's model, a nudge by the code's largest value shows
// for every unit of the first gallery digit, and one by a twentieth of it
// not for all; no nudge shows nothing.
func TestNudgeShows(t *testing.T) {
	f, err := weights.Read("../weights/dae.safetensors")
	require.NoError(t, err)
	b := randomBundle(t)
	b.DAE = f.Model
	s := NewStore(nil)
	s.Loaded(b, nil)
	n := len(s.State().Result.Latent)
	shows := func(amount float64) int {
		k := 0
		for u := range n {
			s.SetNudge(u, amount)
			if s.State().Walk.NudgeShows(s.State().Result) {
				k++
			}
		}
		t.Logf("nudged by %g: %d of %d units show", amount, k, n)
		return k
	}
	assert.Equal(t, n, shows(1))
	small := shows(0.05)
	assert.Less(t, small, n)
	s.SetNudge(3, 0)
	assert.False(t, s.State().Walk.NudgeShows(s.State().Result), "no nudge, nothing to see")
}

// A screen reader is told what taking an end did (Walk.Taken), and only
// when it was taken: a press with no digit shown leaves the end there was,
// and says so by the note alone.
func TestWalkTaken(t *testing.T) {
	s, _ := loadedStore(t)
	s.SetWalkEnd("A")
	w := s.State().Walk
	assert.Equal(t, "End A taken: its digit, as the seed's model decodes its code, reads "+w.A.Reading.String()+". Take the other end too, to slide between them.", w.Taken)
	s.SetMode(ModeUpload) // nothing uploaded: nothing to take
	s.SetWalkEnd("A")
	w = s.State().Walk
	assert.NotNil(t, w.A, "the end there was stays")
	assert.NotEmpty(t, w.Note)
	assert.Empty(t, w.Taken, "not said to be taken")
	s.SetMode(ModeGallery)
	s.ShowSample(7)
	s.SetWalkEnd("B")
	w = s.State().Walk
	assert.Equal(t, "End B taken: its digit, as the seed's model decodes its code, reads "+w.B.Reading.String()+". The slider between A and B now goes from one to the other: it says what the decoder's picture reads.", w.Taken)
	// Ends dropped (the seed's weights replaced): nothing left to say.
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	assert.Nil(t, s.State().Walk.A)
	assert.Empty(t, s.State().Walk.Taken)
}
