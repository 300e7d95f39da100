package webapp

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/internal/hostile"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// loadedStore is a store with random models loaded, and a count of the
// change callbacks.
func loadedStore(t *testing.T) (*Store, *atomic.Int32) {
	changes := new(atomic.Int32)
	s := NewStore(func() { changes.Add(1) })
	s.Loaded(randomBundle(t), nil)
	return s, changes
}

// digitImage is an upload: a light bar on black, 60×60.
func digitImage() image.Image {
	img := image.NewGray(image.Rect(0, 0, 60, 60))
	for y := 10; y < 50; y++ {
		for x := 25; x < 33; x++ {
			img.SetGray(x, y, color.Gray{Y: 255})
		}
	}
	return img
}

// drawing is a canvas's RGBA pixels: a dark bar on white.
func drawing(w, h int) []byte {
	rgba := make([]byte, 4*w*h)
	for i := range rgba {
		rgba[i] = 255
	}
	for y := h / 4; y < 3*h/4; y++ {
		for x := w/2 - 3; x < w/2+3; x++ {
			i := 4 * (y*w + x)
			rgba[i], rgba[i+1], rgba[i+2] = 0, 0, 0
		}
	}
	return rgba
}

func TestStoreStartsWithTheFirstSample(t *testing.T) {
	s, changes := loadedStore(t)
	st := s.State()
	assert.True(t, st.Ready)
	assert.Equal(t, ModeGallery, st.Mode)
	require.NotNil(t, st.Result)
	want, err := DefaultNoise().Apply(Samples()[0].Pixels)
	require.NoError(t, err)
	assert.Equal(t, want, st.Result.Input)
	assert.NotNil(t, st.Result.DAEScores, "a gallery digit is known clean")
	assert.Equal(t, 0.922, st.Result.NoiseShare, "what the noise leaves of the digit (Result.NoteNoise)")
	pixels, url := st.Original()
	assert.Equal(t, Samples()[0].Pixels, pixels)
	assert.Empty(t, url)
	assert.Equal(t, int32(1), changes.Load())
}

func TestStoreModelsThatDoNotLoad(t *testing.T) {
	s := NewStore(nil)
	s.Loaded(Bundle{}, errors.New("weights/dae.safetensors: not a weights file"))
	st := s.State()
	assert.Equal(t, "The page's models could not be loaded: weights/dae.safetensors: not a weights file.", st.Fatal)
	assert.False(t, st.Ready)
	assert.Nil(t, st.Result)
	s.ShowSample(3) // the controls are not shown, but nothing breaks
	assert.Nil(t, s.State().Result)
}

func TestStoreGalleryAndNoise(t *testing.T) {
	s, _ := loadedStore(t)
	s.ShowSample(7)
	n := Noise{Kind: SaltPepper, Amount: 0.8, Seed: 9}
	s.SetNoise(n)
	st := s.State()
	want, _ := n.Apply(Samples()[7].Pixels)
	assert.Equal(t, want, st.Result.Input)
	assert.Equal(t, 7, st.Sample)

	s.ShowSample(len(Samples()))
	assert.Contains(t, s.State().Message, "there is no sample")
	assert.Equal(t, want, s.State().Result.Input, "a bad action leaves the result")
}

func TestStoreDrawing(t *testing.T) {
	s, _ := loadedStore(t)
	s.SetMode(ModeDraw)
	st := s.State()
	assert.Nil(t, st.Result, "nothing drawn yet")
	pixels, _ := st.Original()
	assert.Nil(t, pixels)

	s.Drew(drawing(280, 280), 280, 280)
	st = s.State()
	require.NotNil(t, st.Result)
	want, _ := st.Noise.Apply(st.Drawing)
	assert.Equal(t, want, st.Result.Input, "the drawing with the chosen noise")
	assert.NotNil(t, st.Result.DAEScores)

	s.SetMode(ModeGallery)
	s.SetMode(ModeDraw)
	assert.Equal(t, want, s.State().Result.Input, "the drawing is still there")

	s.ClearDrawing()
	assert.Nil(t, s.State().Result)
	assert.Nil(t, s.State().Drawing)

	s.Drew(make([]byte, 4*20*20), 20, 20) // transparent black: nothing drawn
	assert.Equal(t, "draw a digit first", s.State().DrawNote)

	// A drawing that is not a digit yet (a dot, a line) shows nothing of
	// what was drawn before it, and says why beside the canvas.
	s.Drew(drawing(280, 280), 280, 280)
	require.NotNil(t, s.State().Result)
	assert.Empty(t, s.State().DrawNote)
	line := drawing(280, 280)
	for i := range line {
		line[i] = 255 // white
	}
	for y := 130; y < 150; y++ {
		for x := 20; x < 260; x++ {
			i := 4 * (y*280 + x)
			line[i], line[i+1], line[i+2] = 0, 0, 0
		}
	}
	s.Drew(line, 280, 280)
	st = s.State()
	assert.Equal(t, "a line is not a digit yet: draw on", st.DrawNote)
	assert.Nil(t, st.Result, "nothing of the drawing before it is shown")
	assert.Nil(t, st.Drawing)
	assert.Empty(t, st.Message, "said beside the canvas, not as an error")
	s.SetMode(ModeGallery)
	s.SetMode(ModeDraw)
	assert.Equal(t, "a line is not a digit yet: draw on", s.State().DrawNote, "the canvas still holds the line")

	// A dot and, beside it, a stroke of the pen: not called a dot alone.
	// A stroke just longer than the pen is wide (a tap dragged a little)
	// is refused as a dot is; one of two pen widths, upright as a 1 is,
	// as too small yet, and lying, as a short stroke (a solid block as
	// wide as two high is no digit).
	for _, c := range []struct {
		w, h int
		says string
	}{
		{PenWidth, PenWidth + 3, "a dot or a short stroke is not a digit yet: draw on"},
		{PenWidth, 2 * PenWidth, "too small to read yet: draw on, or draw it larger"},
		{2 * PenWidth, PenWidth, "a dot or a short stroke is not a digit yet: draw on"},
	} {
		pad := drawing(280, 280)
		for i := range pad {
			pad[i] = 255
		}
		for _, r := range []image.Rectangle{image.Rect(60, 60, 60+PenWidth, 60+PenWidth), image.Rect(150, 180, 150+c.w, 180+c.h)} {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					i := 4 * (y*280 + x)
					pad[i], pad[i+1], pad[i+2] = 0, 0, 0
				}
			}
		}
		s.Drew(pad, 280, 280)
		assert.Equal(t, c.says, s.State().DrawNote, "a dot and a stroke %d×%d px", c.w, c.h)
	}
	s.ClearDrawing()
	assert.Empty(t, s.State().DrawNote)

	// A stroke drawn on past the box: what is inside is read, and the
	// page says that that is all; not of a drawing clear of the edges,
	// nor of one that only grazes an edge (the pen's round tip a few
	// pixels over it, or two narrow grazes), nor once cleared.
	s.Drew(drawing(280, 280), 280, 280)
	assert.False(t, s.State().DrawOffEdge)
	pen := func(pad []byte, cx, cy float64) { // the pen's round tip, centred at (cx, cy)
		for y := 0; y < 280; y++ {
			for x := 0; x < 280; x++ {
				if dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy; dx*dx+dy*dy <= PenWidth*PenWidth/4 {
					i := 4 * (y*280 + x)
					pad[i], pad[i+1], pad[i+2] = 0, 0, 0
				}
			}
		}
	}
	stroke := func(x0, y0, x1, y1 float64) func([]byte) {
		return func(pad []byte) {
			for i := 0; i <= 100; i++ {
				pen(pad, x0+(x1-x0)*float64(i)/100, y0+(y1-y0)*float64(i)/100)
			}
		}
	}
	for _, c := range []struct {
		about string
		draw  func([]byte)
		off   bool
	}{
		{"down past the bottom", stroke(140, 150, 140, 300), true},
		{"out at the left", stroke(100, 120, -20, 120), true},
		{"up past the top", stroke(140, 150, 140, -5), true},
		{"out at the right", stroke(150, 120, 290, 140), true},
		{"out at a slant", stroke(200, 150, 290, 290), true},
		{"on to 5 px of the bottom", stroke(140, 150, 140, 275), true},
		{"on to 10 px of the bottom", stroke(140, 150, 140, 270), false},
		{"on to 12 px of the left", stroke(100, 120, 12, 120), false},
		{"along the top, 11 px from it", stroke(40, 11, 240, 11), false},
		{"along the top, 7 px from it", stroke(40, 7, 240, 7), false},
		{"along the top, 3 px from it", stroke(40, 3, 240, 3), true},
		{"a 7's bar along the top, 9 px from it", stroke(90, 9, 130, 9), false},
		{"out at 30°", stroke(40, 230, 40+173, 330), true},
		{"out through the bottom right corner", stroke(200, 200, 300, 300), true},
		{"out through the top left corner", stroke(80, 80, -20, -20), true},
		{"out at the bottom, gone over twice", func(pad []byte) { stroke(130, 150, 130, 300)(pad); stroke(144, 150, 144, 300)(pad) }, true},
		{"two grazes of the bottom", func(pad []byte) { stroke(60, 150, 60, 270)(pad); stroke(90, 150, 90, 270)(pad) }, false},
	} {
		pad := drawing(280, 280)
		c.draw(pad)
		s.Drew(pad, 280, 280)
		require.NotNil(t, s.State().Result, c.about)
		assert.Equal(t, c.off, s.State().DrawOffEdge, c.about)
		assert.Equal(t, c.off, OffEdge(pad, 280, 280), c.about)
	}
	s.ClearDrawing()
	assert.False(t, s.State().DrawOffEdge)
	assert.False(t, OffEdge(make([]byte, 4*20*20), 20, 20), "transparent: no ink")
	assert.False(t, OffEdge(nil, 20, 20))
	tiny := make([]byte, 4*8*8)
	tiny[len(tiny)-1] = 255 // the last pixel opaque black: a run at the loop's end
	assert.NotPanics(t, func() { OffEdge(tiny, 8, 8) }, "a canvas of 8 px, its pen under 1 px wide: the run's middle within it (it was one past)")
}

func TestStoreUpload(t *testing.T) {
	s, _ := loadedStore(t)
	tk := s.StartUpload("one.png")
	assert.Equal(t, "one.png", s.State().Reading, "the page says it is reading the file")
	release := s.FinishUpload(tk, "one.png", "blob:1", digitImage(), nil)
	assert.Empty(t, release, "the first upload replaces none")
	assert.Empty(t, s.State().Reading, "and no more once it is shown")
	st := s.State()
	assert.Equal(t, ModeUpload, st.Mode, "an upload started from the gallery (a paste) is shown")
	require.NotNil(t, st.Result)
	assert.Nil(t, st.Result.DAEScores, "no clean digit, no scores")
	_, url := st.Original()
	assert.Equal(t, "blob:1", url)
	// digitImage's bar, x 25–33 and y 10–50 of 60×60, marked as found,
	// before preparation thinned it.
	m, ok := st.Upload.Found()
	require.True(t, ok)
	assert.InDeltaSlice(t, []float64{100 * 25.0 / 60, 100 * 10.0 / 60, 100 * 8.0 / 60, 100 * 40.0 / 60}, []float64{m.Left, m.Top, m.Width, m.Height}, 100*1.0/60, "%+v", m)

	tk = s.StartUpload("two.png")
	assert.Equal(t, "blob:1", s.FinishUpload(tk, "two.png", "blob:2", digitImage(), nil), "the replaced upload's URL is released")

	tk = s.StartUpload("notes.png")
	assert.Equal(t, "blob:3", s.FinishUpload(tk, "notes.png", "blob:3", nil, errors.New("not an image that can be read")))
	assert.Equal(t, "notes.png: not an image that can be read", s.State().UploadMessage)
	assert.Empty(t, s.State().Message)
	assert.Empty(t, s.State().Reading, "nor after a failed one")
	_, url = s.State().Original()
	assert.Equal(t, "blob:2", url, "a failed upload leaves the last one")

	// The refusal is said on the upload tab until another file is read,
	// even if the person went to another tab before it came.
	tk = s.StartUpload("drawing.svg")
	s.SetMode(ModeGallery)
	s.FinishUpload(tk, "drawing.svg", "", nil, errors.New("not an image that can be read"))
	assert.Equal(t, ModeGallery, s.State().Mode, "the tab chosen meanwhile stays")
	s.SetMode(ModeUpload)
	assert.Equal(t, "drawing.svg: not an image that can be read", s.State().UploadMessage, "said when the tab is back")
	tk = s.StartUpload("three.png")
	assert.Empty(t, s.State().UploadMessage, "not while another file is read")
	s.FinishUpload(tk, "three.png", "blob:4", digitImage(), nil)
	assert.Empty(t, s.State().UploadMessage)

	// A file pasted on another tab and refused is said on the upload tab.
	s.SetMode(ModeDraw)
	tk = s.StartUpload("pasted.png")
	s.FinishUpload(tk, "pasted.png", "", nil, errors.New("not an image that can be read"))
	assert.Equal(t, ModeUpload, s.State().Mode)
	assert.Equal(t, "pasted.png: not an image that can be read", s.State().UploadMessage)
}

// An upload that finishes after a later one was taken is dropped; an
// earlier file refused while a later one is read is said.
func TestStoreDropsSupersededUploads(t *testing.T) {
	s, _ := loadedStore(t)
	first, second := s.StartUpload("first.png"), s.StartUpload("second.png")
	assert.Equal(t, "second.png", s.State().Reading)
	assert.Empty(t, s.FinishUpload(second, "second.png", "blob:2", digitImage(), nil))
	assert.Empty(t, s.State().Reading, "the earlier upload is dropped: not said to be read")
	assert.Equal(t, "blob:1", s.FinishUpload(first, "first.png", "blob:1", digitImage(), nil), "dropped: its URL is released")
	assert.Equal(t, "second.png", s.State().Upload.Name)

	third := s.StartUpload("third.png")
	fourth := s.StartUpload("fourth.png")
	assert.Equal(t, "blob:3", s.FinishUpload(third, "third.png", "blob:3", nil, errors.New("damaged")))
	assert.Empty(t, s.State().Message)
	assert.Equal(t, "third.png: damaged", s.State().UploadMessage, "said while the later one is read")
	assert.Equal(t, "fourth.png", s.State().Reading, "the page is still reading the later one")
	// The later one refused too: both are said, the last ones of many.
	s.FinishUpload(fourth, "fourth.png", "", nil, errors.New("a PDF"))
	assert.Equal(t, "third.png: damaged; fourth.png: a PDF", s.State().UploadMessage)
	var burst []Ticket
	for i := range 5 {
		burst = append(burst, s.StartUpload(fmt.Sprintf("%d.txt", i)))
	}
	for i, tk := range burst {
		s.FinishUpload(tk, fmt.Sprintf("%d.txt", i), "", nil, errors.New("text"))
	}
	assert.Equal(t, "2.txt: text; 3.txt: text; 4.txt: text (and 2 more files refused)", s.State().UploadMessage)
	assert.Equal(t, "second.png", s.State().Upload.Name)
}

// A file refused by the checks made before decoding, given while a picture
// is read, does not cost that picture; one that passed them supersedes it.
func TestStoreKeepsAnUploadALaterFileCouldNotReplace(t *testing.T) {
	s, _ := loadedStore(t)
	seven := s.StartUpload("seven.png")
	notes := s.StartUpload("notes.pdf")
	assert.Equal(t, "notes.pdf", s.State().Reading)
	s.FinishUpload(notes, "notes.pdf", "", nil, errors.New("a PDF"))
	assert.Equal(t, "seven.png", s.State().Reading, "the earlier file is still read")
	assert.Equal(t, "notes.pdf: a PDF", s.State().UploadMessage)
	assert.Empty(t, s.FinishUpload(seven, "seven.png", "blob:1", digitImage(), nil), "taken: its URL is kept")
	st := s.State()
	require.NotNil(t, st.Upload)
	assert.Equal(t, "seven.png", st.Upload.Name)
	assert.Empty(t, st.Reading)
	assert.Equal(t, "notes.pdf: a PDF", st.UploadMessage, "the later file's refusal stays said")

	eight, nine := s.StartUpload("eight.png"), s.StartUpload("nine.png")
	s.PassedChecks(nine)
	assert.Equal(t, "nine.png", s.State().Reading)
	assert.Equal(t, "blob:2", s.FinishUpload(eight, "eight.png", "blob:2", digitImage(), nil), "superseded by a file that passed the checks: dropped")
	assert.Equal(t, "seven.png", s.State().Upload.Name)
	assert.Equal(t, "nine.png", s.State().Reading, "the later one is still read")
	s.FinishUpload(nine, "nine.png", "", nil, errors.New("damaged"))
	assert.Equal(t, "nine.png: damaged", s.State().UploadMessage)
	assert.Empty(t, s.State().Reading)

	// A large file given before a small one may pass its checks after it:
	// then it is superseded, and its decode must not stop the small one's.
	large, small := s.StartUpload("large.jpg"), s.StartUpload("small.png")
	assert.True(t, s.PassedChecks(small))
	assert.False(t, s.PassedChecks(large), "checked after a later file: not to be decoded")
	s.FinishUpload(large, "large.jpg", "", nil, context.Canceled)
	assert.Equal(t, "small.png", s.State().Reading)
	s.FinishUpload(small, "small.png", "blob:3", digitImage(), nil)
	assert.Equal(t, "small.png", s.State().Upload.Name)
	assert.Empty(t, s.State().UploadMessage)

	// A decode stopped is never said as a refusal.
	stopped := s.StartUpload("stopped.png")
	s.FinishUpload(stopped, "stopped.png", "", nil, fmt.Errorf("decoding: %w", context.Canceled))
	assert.Empty(t, s.State().UploadMessage)
	assert.Empty(t, s.State().Reading)
}

// The noise controls change one part of the noise each; changes made
// before the page draws again all hold.
func TestStoreChangeNoise(t *testing.T) {
	s, _ := loadedStore(t)
	s.ChangeNoise(func(n *Noise) { n.Kind = SaltPepper })
	s.ChangeNoise(func(n *Noise) { n.Amount = 0.3 })
	for range 3 {
		s.ChangeNoise(func(n *Noise) { n.Seed++ })
	}
	want := DefaultNoise()
	want.Kind, want.Amount, want.Seed = SaltPepper, 0.3, want.Seed+3
	assert.Equal(t, want, s.State().Noise)
	in, err := want.Apply(Samples()[0].Pixels)
	require.NoError(t, err)
	assert.Equal(t, in, s.State().Result.Input, "the digit shown with it")
}

// A tab chosen while an upload decodes stays chosen; the upload tab shows
// the upload when chosen.
func TestStoreUploadKeepsATabChosenMeanwhile(t *testing.T) {
	s, _ := loadedStore(t)
	s.SetMode(ModeUpload)
	tk := s.StartUpload("one.png")
	s.SetMode(ModeDraw)
	s.FinishUpload(tk, "one.png", "blob:1", digitImage(), nil)
	st := s.State()
	assert.Equal(t, ModeDraw, st.Mode)
	assert.Nil(t, st.Result, "the draw tab, with nothing drawn")

	s.SetMode(ModeUpload)
	require.NotNil(t, s.State().Result)
	assert.Equal(t, s.State().Upload.Input, s.State().Result.Input)
}

func TestStoreWeights(t *testing.T) {
	s, _ := loadedStore(t)
	before := s.State().Result.DAE

	tk := s.StartWeights()
	s.FinishWeights(tk, "broken.safetensors", []byte("nonsense"), nil)
	st := s.State()
	assert.Contains(t, st.WeightsMessage, "broken.safetensors: these weights cannot be used")
	assert.Contains(t, st.WeightsMessage, "(the model in use is unchanged)")
	assert.Empty(t, st.Message, "said beside the weights' control, not at the top of the page")
	assert.Equal(t, "bundled (weights/dae.safetensors)", st.Weights)

	golden, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	tk = s.StartWeights()
	s.FinishWeights(tk, "golden.safetensors", golden, nil)
	st = s.State()
	assert.Equal(t, "golden.safetensors", st.Weights)
	assert.Empty(t, st.Message)
	assert.Empty(t, st.WeightsMessage)
	assert.NotEqual(t, before, st.Result.DAE, "the digit is shown again with the new weights")

	first, second := s.StartWeights(), s.StartWeights()
	s.FinishWeights(second, "second.safetensors", golden, nil)
	s.FinishWeights(first, "first.safetensors", []byte("late and broken"), nil)
	assert.Equal(t, "second.safetensors", s.State().Weights)
	assert.Empty(t, s.State().WeightsMessage, "the superseded file is dropped")

	// Back to the weights the page came with; a file still being read
	// when that was asked for is dropped.
	late := s.StartWeights()
	s.UseBundledWeights()
	s.FinishWeights(late, "late.safetensors", golden, nil)
	st = s.State()
	assert.Equal(t, BundledWeights, st.Weights)
	assert.Equal(t, before, st.Result.DAE, "the digit as the bundled weights denoise it")
	assert.Equal(t, "the seed's model", st.Result.Title)
}

// Actions from several goroutines (as the page's asynchronous work calls
// them) leave a consistent state; run with -race.
func TestStoreConcurrentActions(t *testing.T) {
	s, _ := loadedStore(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tk := s.StartUpload("x.png")
			s.ShowSample(i)
			s.FinishUpload(tk, "x.png", "blob:x", digitImage(), nil)
		}()
	}
	wg.Wait()
	st := s.State()
	require.NotNil(t, st.Result)
	assert.Len(t, st.Result.DAE, Side*Side)
}

// Weights files whose architecture passes every per-field limit but would
// need 100 GB of working memory or minutes an image (#14.1) are refused
// with the figure and the limit, and the page keeps its model.
func TestStoreRefusesWeightsOverBudget(t *testing.T) {
	s, _ := loadedStore(t)
	before := s.State().Result.DAE
	for name, arch := range hostile.Architectures() {
		data, err := hostile.Weights(arch)
		require.NoError(t, err)
		tk := s.StartWeights()
		s.FinishWeights(tk, "hostile.safetensors", data, nil)
		st := s.State()
		assert.Contains(t, st.WeightsMessage, "hostile.safetensors: these weights cannot be used", name)
		assert.Contains(t, st.WeightsMessage, "; the limit is ", name)
		assert.Equal(t, "bundled (weights/dae.safetensors)", st.Weights, name)
		assert.Equal(t, before, st.Result.DAE, name)
	}
}

// A classifier's weights (an encoder alone) load as weights but are not a
// denoiser: refused with a message, the model kept.
func TestStoreRefusesAClassifier(t *testing.T) {
	s, _ := loadedStore(t)
	a := nn.ClassifierArch()
	data, err := weights.Encode(a, nn.RandomParams(a, 1), nil)
	require.NoError(t, err)
	tk := s.StartWeights()
	s.FinishWeights(tk, "reader.safetensors", data, nil)
	st := s.State()
	assert.Contains(t, st.WeightsMessage, "reader.safetensors: these weights cannot be used: the denoising autoencoder's weights are of an encoder alone (its output is 10×1×1)")
	assert.Equal(t, "bundled (weights/dae.safetensors)", st.Weights)
}

// A gallery digit's result knows which digit it is; an upload's does not.
func TestResultKnowsTheGalleryLabel(t *testing.T) {
	s, _ := loadedStore(t)
	s.ShowSample(7)
	assert.Equal(t, Samples()[7].Label, s.State().Result.Label)
	tk := s.StartUpload("x.png")
	s.FinishUpload(tk, "x.png", "blob:x", digitImage(), nil)
	assert.Equal(t, -1, s.State().Result.Label)
}

// The gallery shows the seed's model (its lesson), uploads and drawings
// the strong model, until the person chooses otherwise for a tab; weights
// of their own replace the seed's model, which the tab then shows.
func TestStoreDenoiserChoice(t *testing.T) {
	s, _ := loadedStore(t)
	assert.Equal(t, Seed, s.State().Result.Denoiser)
	s.Drew(drawing(280, 280), 280, 280)
	assert.Equal(t, Strong, s.State().Result.Denoiser, "a drawing is cleaned by the strong model")

	s.UseDenoiser(Seed)
	st := s.State()
	assert.Equal(t, Seed, st.Result.Denoiser)
	assert.Equal(t, Choice{Gallery: Seed, Upload: Strong, Draw: Seed}, st.Denoisers)
	s.SetMode(ModeGallery)
	s.UseDenoiser(Strong)
	assert.Equal(t, Strong, s.State().Result.Denoiser)
	s.SetMode(ModeDraw)
	assert.Equal(t, Seed, s.State().Result.Denoiser, "each tab keeps its choice")

	s.UseDenoiser("best")
	assert.Equal(t, `there is no denoiser "best"`, s.State().Message)
	assert.Equal(t, Seed, s.State().Result.Denoiser)

	s.SetMode(ModeGallery)
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	st = s.State()
	assert.Equal(t, "mine.safetensors", st.Weights)
	assert.Equal(t, Seed, st.Result.Denoiser, "the tab shows the weights just given")

	// Weights given on one tab and read after another was chosen switch
	// the tab they were given on.
	s.SetMode(ModeUpload)
	tk := s.StartWeights()
	s.SetMode(ModeGallery)
	s.UseDenoiser(Strong)
	s.FinishWeights(tk, "later.safetensors", data, nil)
	st = s.State()
	assert.Equal(t, Seed, st.Denoisers.Upload)
	assert.Equal(t, Strong, st.Denoisers.Gallery)
}

// The strong model loads after the others: until it is here the seed's
// model stands in for it, and the state says so; then the digit is shown
// again with it. One that cannot be loaded leaves the seed's model in its
// place, and says why.
func TestStoreStrongModelComesLater(t *testing.T) {
	b := randomBundle(t)
	strong := b.Strong
	b.Strong = nil
	s := NewStore(nil)
	s.Loaded(b, nil)
	s.SetMode(ModeDraw)
	s.Drew(drawing(280, 280), 280, 280)
	st := s.State()
	assert.Equal(t, StrongLoading, st.Strong)
	assert.Equal(t, Strong, st.Denoisers.Of(ModeDraw), "the choice stands")
	assert.Equal(t, Seed, st.Result.Denoiser, "the seed's model stands in")

	s.StrongLoaded(b.Reader, nil)
	st = s.State()
	assert.Contains(t, st.Strong, "The strong model did not load (the strong model's weights are of an encoder alone")
	assert.Equal(t, Seed, st.Result.Denoiser)

	s.StrongLoaded(strong, nil)
	st = s.State()
	assert.Empty(t, st.Strong)
	assert.Equal(t, Strong, st.Result.Denoiser)

	// Weights given before the strong model arrives stay in the seed's place.
	s = NewStore(nil)
	s.Loaded(b, nil)
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	s.FinishWeights(s.StartWeights(), "mine.safetensors", data, nil)
	s.StrongLoaded(strong, nil)
	assert.Equal(t, "mine.safetensors", s.State().Weights)
	s.UseDenoiser(Seed)
	golden, err := weights.Parse(data)
	require.NoError(t, err)
	want := make([]float32, 784)
	require.NoError(t, golden.Model.NewWorkspace().Denoise(want, s.State().Result.Input))
	assert.Equal(t, want, s.State().Result.DAE, "the weights given, not the bundled seed's model")

	s = NewStore(nil)
	s.StrongLoaded(strong, nil) // before the others: nothing to do
	assert.False(t, s.State().Ready)
	s.Loaded(b, nil)
	s.StrongLoaded(nil, errors.New("weights/strong.safetensors: HTTP 404"))
	assert.Equal(t, "The strong model did not load (weights/strong.safetensors: HTTP 404); the seed's model stands in.", s.State().Strong)
	assert.True(t, s.State().StrongFailed())

	// Asked for again: loading, once; then loaded.
	require.True(t, s.RetryStrong())
	assert.Equal(t, StrongLoading, s.State().Strong)
	assert.False(t, s.State().StrongFailed())
	assert.False(t, s.RetryStrong(), "loading already")
	s.StrongLoaded(strong, nil)
	assert.Empty(t, s.State().Strong)
	assert.False(t, s.RetryStrong(), "loaded")
}

// An upload that gives no picture and no error is refused with a message;
// the store stays usable.
func TestStoreUploadWithoutPicture(t *testing.T) {
	s, _ := loadedStore(t)
	s.FinishUpload(s.StartUpload("none.png"), "none.png", "blob:9", nil, nil)
	assert.Equal(t, "none.png: the browser gave no picture", s.State().UploadMessage)
	s.ShowSample(3)
	assert.Empty(t, s.State().Message, "the store still answers")
}

// A drawing kept from before a reload comes back without changing the tab
// the address opened, and shows once the draw tab is chosen.
func TestRestoreDrawing(t *testing.T) {
	s, _ := loadedStore(t)
	galleryResult := s.State().Result
	s.RestoreDrawing(drawing(280, 280), 280, 280)
	st := s.State()
	assert.Equal(t, ModeGallery, st.Mode, "the tab stays")
	assert.Same(t, galleryResult, st.Result, "the gallery's digit still shown")
	require.NotNil(t, st.Drawing)
	s.SetMode(ModeDraw)
	st = s.State()
	require.NotNil(t, st.Result)
	want, _ := st.Noise.Apply(st.Drawing)
	assert.Equal(t, want, st.Result.Input, "the drawing kept, with the chosen noise")

	// Restored on the draw tab, it shows at once; one that is not a digit
	// says why, as a drawing does.
	s.ClearDrawing()
	require.Nil(t, s.State().Result)
	s.RestoreDrawing(drawing(280, 280), 280, 280)
	require.NotNil(t, s.State().Result)
	s.RestoreDrawing(make([]byte, 4*280*280), 280, 280)
	st = s.State()
	assert.Nil(t, st.Result)
	assert.Equal(t, "draw a digit first", st.DrawNote)
}

// The digit given changes with a new sample, upload or tab, not with the
// noise, the denoiser or a drawing's next stroke.
func TestGiven(t *testing.T) {
	s, _ := loadedStore(t)
	seen := []string{s.State().Given()}
	same := func(what string) {
		t.Helper()
		assert.Equal(t, seen[len(seen)-1], s.State().Given(), what)
	}
	changed := func(what string) {
		t.Helper()
		assert.NotContains(t, seen, s.State().Given(), what)
		seen = append(seen, s.State().Given())
	}
	s.ChangeNoise(func(n *Noise) { n.Amount = 0.8 })
	same("new noise")
	s.UseDenoiser(Strong)
	same("another denoiser")
	s.ShowSample(4)
	changed("another sample")
	s.FinishUpload(s.StartUpload("one.png"), "one.png", "blob:1", digitImage(), nil)
	changed("an upload")
	s.FinishUpload(s.StartUpload("two.png"), "two.png", "blob:2", digitImage(), nil)
	changed("another upload")
	s.SetMode(ModeDraw)
	changed("the draw tab")
	s.Drew(drawing(280, 280), 280, 280)
	same("a stroke")
	s.Drew(drawing(280, 280), 280, 280)
	same("another stroke")
}
