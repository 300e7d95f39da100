package webapp

import (
	"image"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/reader"
	"github.com/godae/dae/weights"
)

func testModels(t *testing.T) *Models {
	m, err := NewModels(randomBundle(t))
	require.NoError(t, err)
	return m
}

// randomBundle is the page's models with random weights.
func randomBundle(t *testing.T) Bundle {
	a := nn.DefaultArch()
	dae, err := nn.New(a, nn.RandomParams(a, 1))
	require.NoError(t, err)
	ae, err := nn.New(a, nn.RandomParams(a, 2))
	require.NoError(t, err)
	strong, err := nn.New(nn.StrongArch(), nn.RandomParams(nn.StrongArch(), 4))
	require.NoError(t, err)
	return Bundle{DAE: dae, AE: ae, Strong: strong, Reader: randomReader(t)}
}

// randomReader is a digit reader with random weights: its readings are
// well-formed, not right.
func randomReader(t *testing.T) *nn.Model {
	r, err := nn.New(nn.ClassifierArch(), nn.RandomParams(nn.ClassifierArch(), 3))
	require.NoError(t, err)
	return r
}

func TestRunWithAndWithoutClean(t *testing.T) {
	m := testModels(t)
	clean := Samples()[0].Pixels
	noisy, err := DefaultNoise().Apply(clean)
	require.NoError(t, err)
	r, err := m.Run(Seed, noisy, clean)
	require.NoError(t, err)
	assert.Len(t, r.DAE, 784)
	assert.Len(t, r.Latent, 128)
	assert.NotEqual(t, r.DAE, r.AE, "two different models")
	require.NotNil(t, r.DAEScores)
	assert.Less(t, r.NoisyScores.PSNR, 15.0)

	want := make([]float32, 784)
	require.NoError(t, m.DAE.NewWorkspace().Denoise(want, noisy))
	assert.Equal(t, want, r.DAE, "the page shows what nn computes")

	r, err = m.Run(Strong, noisy, nil)
	require.NoError(t, err)
	assert.Nil(t, r.DAEScores)
	assert.Equal(t, Strong, r.Denoiser)
	assert.Len(t, r.Latent, m.Strong.LatentShape().Len())
	require.NoError(t, m.Strong.NewWorkspace().Denoise(want, noisy))
	assert.Equal(t, want, r.DAE, "the strong model's output")

	_, err = m.Run(Seed, noisy[:10], nil)
	assert.EqualError(t, err, "input has 10 values, want 784")
}

func TestNoise(t *testing.T) {
	clean := Samples()[5].Pixels
	for _, k := range NoiseKinds {
		n := Noise{Kind: k.Kind, Amount: 0.5, Seed: 3}
		a, err := n.Apply(clean)
		require.NoError(t, err)
		b, _ := n.Apply(clean)
		assert.Equal(t, a, b, "%s: the same draw until re-rolled", k.Kind)
		assert.NotEqual(t, clean, a, k.Kind)
		n.Seed++
		c, _ := n.Apply(clean)
		assert.NotEqual(t, a, c, "%s: re-roll changes the noise", k.Kind)
		zero, _ := Noise{Kind: k.Kind, Amount: 0, Seed: 3}.Apply(clean)
		assert.Equal(t, clean, zero, "%s: amount 0 is the clean digit", k.Kind)
	}
	_, err := Noise{Kind: "speckle", Amount: 0.5}.Apply(clean)
	assert.EqualError(t, err, `noise kind "speckle" is unknown`)
	_, err = Noise{Kind: Gaussian, Amount: 2}.Apply(clean)
	assert.Error(t, err)
}

func TestGrayImage(t *testing.T) {
	vals := Samples()[1].Pixels
	g := GrayImage(vals, 28, 28)
	assert.Equal(t, image.Rect(0, 0, 28, 28), g.Bounds())
	for i, v := range vals {
		assert.InDelta(t, v, float32(g.Pix[i])/255, 0.5/255+1e-6)
	}
	assert.Equal(t, uint8(0), Gray8(-1))
	assert.Equal(t, uint8(255), Gray8(2))

	big := Enlarged(g, 10)
	assert.Equal(t, image.Rect(0, 0, 280, 280), big.Bounds())
	for _, p := range []image.Point{{0, 0}, {9, 9}, {10, 0}, {145, 203}, {279, 279}} {
		assert.Equal(t, g.GrayAt(p.X/10, p.Y/10), big.GrayAt(p.X, p.Y), "%v", p)
	}
}

func TestLatentImage(t *testing.T) {
	code := make([]float32, 128)
	for i := range code {
		code[i] = float32(i % 16)
	}
	img := LatentImage(code, nn.Shape{C: 8, H: 4, W: 4}, LatentColumns)
	assert.Equal(t, image.Rect(0, 0, 39, 4), img.Bounds(), "8 maps of 4 px with 7 gaps")
	r0, _, _, _ := img.At(0, 0).RGBA()
	r1, _, _, _ := img.At(3, 3).RGBA()
	assert.Equal(t, uint32(68*257), r0, "lowest value: dark end")
	assert.Equal(t, uint32(253*257), r1, "highest value: yellow end")

	// The strong model's 32 maps of 7×7 come in four rows of eight.
	code = make([]float32, 32*49)
	for c := 0; c < 32; c++ {
		code[c*49+48] = 1 // each map's bottom-right value is its highest
	}
	img = LatentImage(code, nn.Shape{C: 32, H: 7, W: 7}, LatentColumns)
	assert.Equal(t, image.Rect(0, 0, 63, 31), img.Bounds())
	r1, _, _, _ = img.At(7*8+6, 3*8+6).RGBA()
	assert.Equal(t, uint32(253*257), r1, "map 31 is the last of the fourth row")
	_, _, _, a := img.At(7, 0).RGBA()
	assert.Equal(t, uint32(0), a, "gaps are left transparent")
	// On a phone, in eight rows of four.
	img = LatentImage(code, nn.Shape{C: 32, H: 7, W: 7}, NarrowLatentColumns)
	assert.Equal(t, image.Rect(0, 0, 31, 63), img.Bounds())
	r1, _, _, _ = img.At(3*8+6, 7*8+6).RGBA()
	assert.Equal(t, uint32(253*257), r1, "map 31 is the last of the eighth row")

	// All maps on one scale: a map of tiny numbers is dark, not stretched
	// to the full range of colours; the scale starts at 0, or lower.
	code = make([]float32, 128)
	code[0], code[16], code[17], code[32] = 2, 0.001, 0.002, 1
	img = LatentImage(code, nn.Shape{C: 8, H: 4, W: 4}, LatentColumns)
	assert.Equal(t, heat(1), img.RGBAAt(0, 0), "the code's largest value")
	assert.Equal(t, heat(0), img.RGBAAt(6, 0), "0.002 of a code whose largest is 2: dark (the largest of its map, yellow on a scale of its own)")
	assert.Equal(t, heat(0.5), img.RGBAAt(10, 0), "1 of 2, in map 2 (its largest too)")
	assert.Equal(t, heat(0), img.RGBAAt(1, 0), "0")
	code[1] = -2
	img = LatentImage(code, nn.Shape{C: 8, H: 4, W: 4}, LatentColumns)
	assert.Equal(t, heat(0), img.RGBAAt(1, 0), "the lowest value, below 0")
	assert.Equal(t, heat(0.5), img.RGBAAt(2, 0), "0, halfway from -2 to 2")
	lo, hi := LatentRange(code)
	assert.Equal(t, [2]float32{-2, 2}, [2]float32{lo, hi})
}

// On a phone the seed's maps come in two rows of four, twice as wide to
// tap; the strong model's stay in rows of eight, which in rows of four
// would be a screen high; on a wide screen, rows of eight.
func TestLatentColumnsFor(t *testing.T) {
	seed, strong := nn.Shape{C: 8, H: 4, W: 4}, nn.Shape{C: 32, H: 7, W: 7}
	assert.Equal(t, NarrowLatentColumns, LatentColumnsFor(seed, true))
	assert.Equal(t, LatentColumns, LatentColumnsFor(strong, true))
	assert.Equal(t, LatentColumns, LatentColumnsFor(seed, false))
}

// The heat maps as text: each map's largest number and where, its mean,
// and how many of its numbers the maps show lit.
func TestLatentTable(t *testing.T) {
	s := nn.Shape{C: 3, H: 2, W: 3}
	code := []float32{
		0, 0.5, 0, 4, 0.2, 0, // map 0: largest 4 at row 1, column 0; 0.5 and 4 over 0.4
		0.1, 0.1, 0.1, 0.1, 0.1, 0.1, // map 1: nearly off, none over a tenth of 4
		-1, 0, 0, 0, 0, 0.3, // map 2: a negative number does not make the largest
	}
	tab := LatentTable(code, s)
	assert.Equal(t, []string{"map", "largest (row, column)", "mean", "lit"}, tab.Head)
	assert.Equal(t, [][]string{
		{"0", "4.00 (1, 0)", "0.78", "2 of 6"},
		{"1", "0.10 (0, 0)", "0.10", "0 of 6"},
		{"2", "0.30 (1, 2)", "-0.12", "0 of 6"},
	}, tab.Rows)
	assert.Contains(t, tab.Caption, "code's 3 maps")
	assert.Contains(t, tab.Caption, "its 6 numbers")
	assert.Contains(t, tab.Caption, "over 10 % of the code's largest, 4.00")

	// A code all 0 (a blank input through ReLUs): nothing lit, no division by 0.
	tab = LatentTable(make([]float32, 18), s)
	assert.Equal(t, []string{"0", "0.00 (0, 0)", "0.00", "0 of 6"}, tab.Rows[0])
	// A code short of its shape, or a shape of no units: no rows, no panic.
	assert.Empty(t, LatentTable(make([]float32, 5), s).Rows)
	assert.Empty(t, LatentTable(nil, nn.Shape{C: 2}).Rows)
	assert.Empty(t, LatentTable(make([]float32, 8), nn.Shape{C: 2, H: 1 << 31, W: 1 << 31}).Rows, "a shape whose size overflows")
}

// Every unit's box on the heat maps is found again at its middle, and the
// gaps between maps, and points off the picture, are no unit.
func TestLatentUnitAt(t *testing.T) {
	for _, c := range []struct {
		s       nn.Shape
		columns int
	}{{nn.Shape{C: 8, H: 4, W: 4}, LatentColumns}, {nn.Shape{C: 8, H: 4, W: 4}, NarrowLatentColumns}, {nn.Shape{C: 32, H: 7, W: 7}, LatentColumns},
		{nn.Shape{C: 32, H: 7, W: 7}, NarrowLatentColumns}, {nn.Shape{C: 3, H: 2, W: 5}, LatentColumns}, {nn.Shape{C: 10, H: 1, W: 1}, LatentColumns}, {nn.Shape{C: 10, H: 1, W: 1}, 3}} {
		s, columns := c.s, c.columns
		img := LatentImage(make([]float32, s.C*s.H*s.W), s, columns)
		w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
		covered := 0
		for u := range s.C * s.H * s.W {
			left, top, bw, bh := LatentUnitBox(s, columns, u)
			require.InDelta(t, 1/w, bw, 1e-12)
			require.InDelta(t, 1/h, bh, 1e-12)
			// The box is a pixel LatentImage drew (gaps are transparent).
			_, _, _, a := img.At(int(left*w+0.5), int(top*h+0.5)).RGBA()
			require.NotZero(t, a, "unit %d of %v is drawn at its box", u, s)
			got, ok := LatentUnitAt(s, columns, left+bw/2, top+bh/2)
			require.True(t, ok)
			require.Equal(t, u, got, "%v", s)
		}
		// Every pixel is a unit (drawn) or a gap (transparent), no other.
		for y := range img.Bounds().Dy() {
			for x := range img.Bounds().Dx() {
				_, ok := LatentUnitAt(s, columns, (float64(x)+0.5)/w, (float64(y)+0.5)/h)
				_, _, _, a := img.At(x, y).RGBA()
				require.Equal(t, a != 0, ok, "pixel %d,%d of %v", x, y, s)
				if ok {
					covered++
				}
			}
		}
		assert.Equal(t, s.C*s.H*s.W, covered)
		for _, p := range [][2]float64{{-0.01, 0.5}, {0.5, -0.01}, {1, 0.5}, {0.5, 1}, {math.NaN(), 0.5}} {
			_, ok := LatentUnitAt(s, columns, p[0], p[1])
			assert.False(t, ok, "%v is off the picture", p)
		}
	}
}

func TestFromDrawing(t *testing.T) {
	const w, h = 140, 140
	rgba := make([]byte, 4*w*h)
	for i := range rgba {
		rgba[i] = 255 // white paper
	}
	_, err := FromDrawing(rgba, w, h)
	assert.EqualError(t, err, "draw a digit first")
	for y := 30; y < 38; y++ { // a 7's bar, drawn first: not a digit yet
		for x := 30; x < 110; x++ {
			copy(rgba[4*(y*w+x):], []byte{0, 0, 0, 255})
		}
	}
	_, err = FromDrawing(rgba, w, h)
	assert.EqualError(t, err, "a line is not a digit yet: draw on")
	for i := range rgba {
		rgba[i] = 255
	}
	for y := 20; y < 120; y++ { // a vertical black stroke: a "1"
		for x := 65; x < 75; x++ {
			copy(rgba[4*(y*w+x):], []byte{0, 0, 0, 255})
		}
	}
	in, err := FromDrawing(rgba, w, h)
	require.NoError(t, err)
	assert.Equal(t, float32(0), in[0], "background is black after inversion")
	assert.Greater(t, in[14*28+14], float32(0.9), "the stroke is centred")
	_, err = FromDrawing(rgba[:10], w, h)
	assert.Error(t, err)

	// A digit drawn small for the pen, its strokes as wide as it is long,
	// is too small: prepared, it would be a blob.
	small := make([]byte, 4*DrawSide*DrawSide)
	for i := range small {
		small[i] = 255
	}
	pen := func(x0, y0, x1, y1 int) { // a stroke of the pen's width, as the canvas draws it
		for y := range DrawSide {
			for x := range DrawSide {
				for s := 0.0; s <= 1; s += 0.01 {
					px, py := float64(x0)+s*float64(x1-x0), float64(y0)+s*float64(y1-y0)
					if math.Hypot(float64(x)-px, float64(y)-py) <= PenWidth/2 {
						copy(small[4*(y*DrawSide+x):], []byte{0, 0, 0, 255})
						break
					}
				}
			}
		}
	}
	pen(120, 120, 150, 120) // a 7 of 40 px
	pen(150, 120, 135, 150)
	_, err = FromDrawing(small, DrawSide, DrawSide)
	assert.EqualError(t, err, "too small to read yet: draw on, or draw it larger")
	for i := range small {
		small[i] = 255
	}
	pen(90, 60, 190, 60) // a 7 of 160 px
	pen(190, 60, 130, 220)
	_, err = FromDrawing(small, DrawSide, DrawSide)
	assert.NoError(t, err)
}

// A drawing on the page's canvas (280 px) is prepared from a copy half
// its size (drawingSide): what comes out is what the whole canvas gives,
// within the anti-aliasing's differences, and reads the same.
func TestDrawingPreparedSmaller(t *testing.T) {
	m := testModels(t)
	const side = drawnSide
	for i := range 10 {
		rgba := drawn(i)
		got, err := FromDrawing(rgba, side, side)
		require.NoError(t, err, "sample %d", i)
		whole, _, err := digitprep.Prepare(&image.NRGBA{Pix: rgba, Stride: 4 * side, Rect: image.Rect(0, 0, side, side)})
		require.NoError(t, err, "sample %d", i)
		var most float64
		for j := range got {
			most = math.Max(most, math.Abs(float64(got[j]-whole[j])))
		}
		assert.Less(t, most, 0.25, "sample %d: the largest difference from the whole canvas's input", i)
		a, err := m.read(got)
		require.NoError(t, err)
		b, err := m.read(whole)
		require.NoError(t, err)
		assert.Equal(t, b.Digit, a.Digit, "sample %d reads the same", i)
	}
}

// drawnSide is the side of the page's drawing canvas.
const drawnSide = 280

// drawn is gallery sample i as drawn with a black pen on the page's white
// canvas (RGBA, drawnSide²).
func drawn(i int) []byte {
	const k = drawnSide / Side
	rgba := make([]byte, 4*drawnSide*drawnSide)
	for y := range drawnSide {
		for x := range drawnSide {
			v := byte(255)
			if Samples()[i].Pixels[(y/k)*Side+x/k] > 0.5 {
				v = 0
			}
			copy(rgba[4*(y*drawnSide+x):], []byte{v, v, v, 255})
		}
	}
	return rgba
}

func TestLoadDAE(t *testing.T) {
	m := testModels(t)
	_, err := m.LoadDAE("notes.safetensors", []byte("not weights"))
	assert.ErrorContains(t, err, "these weights cannot be used: not a safetensors file")
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	next, err := m.LoadDAE("golden.safetensors", data)
	require.NoError(t, err)
	f, err := weights.Parse(data)
	require.NoError(t, err)
	in := Samples()[2].Pixels
	r, err := next.Run(Seed, in, nil)
	require.NoError(t, err)
	want := make([]float32, 784)
	require.NoError(t, f.Model.NewWorkspace().Denoise(want, in))
	assert.Equal(t, want, r.DAE)
	// The page names them as the person's, wherever it names the seed's
	// model; the strong model keeps its name.
	assert.Equal(t, "your weights (golden.safetensors)", r.Title)
	assert.Equal(t, "the seed's model", testModels(t).Title(Seed))
	assert.Equal(t, "the strong model", next.Title(Strong))
	c, err := next.Curves(in, DefaultNoise(), 2, nil)
	require.NoError(t, err)
	assert.Contains(t, c.SVG(WidePlot), ">your weights<")
	assert.NotContains(t, c.SVG(WidePlot), CurveSeed)
	assert.Contains(t, c.Summary(0.5), "your weights ")
}

// Run reads the input and both outputs with the digit reader, as the
// reader reads them alone.
func TestRunReadsInputAndOutputs(t *testing.T) {
	m := testModels(t)
	in := Samples()[3].Pixels
	r, err := m.Run(Strong, in, nil)
	require.NoError(t, err)
	ws := m.Reader.NewWorkspace()
	sums, ok := m.Reader.Logits()
	require.True(t, ok)
	sws := sums.NewWorkspace()
	for name, x := range map[string]struct {
		img []float32
		got reader.Reading
	}{"input": {in, r.InputReading}, "DAE": {r.DAE, r.DAEReading}, "AE": {r.AE, r.AEReading}} {
		probs, z := make([]float32, reader.Digits), make([]float32, reader.Digits)
		require.NoError(t, ws.Encode(probs, x.img))
		require.NoError(t, sws.Encode(z, x.img))
		want := reader.Of(probs)
		want.Score, want.Scored = float64(z[want.Digit]), true
		assert.Equal(t, want, x.got, "%s: the reader's probabilities, to the bit, and its sum for the digit", name)
		assert.Greater(t, x.got.P, 0.0, name)
		assert.NotZero(t, x.got.Score, name)
	}
}

func TestModelsNeedAReader(t *testing.T) {
	b := randomBundle(t)
	dae := b.DAE
	b.Reader = nil
	_, err := NewModels(b)
	assert.EqualError(t, err, "the digit reader is missing")
	b.Reader = dae
	_, err = NewModels(b)
	assert.ErrorContains(t, err, "a reader takes 1×28×28 images to 10 probabilities")
	a := nn.ClassifierArch()
	a.Encoder[len(a.Encoder)-1].Activation = nn.ActNone
	b.Reader, err = nn.New(a, nn.RandomParams(a, 1))
	require.NoError(t, err)
	_, err = NewModels(b)
	assert.ErrorContains(t, err, `a reader's ends in "softmax"`, "a reader with no probabilities")
	b = randomBundle(t)
	strong := b.Strong
	b.Strong = nil
	m, err := NewModels(b)
	require.NoError(t, err, "the strong model comes later")
	_, err = m.Run(Strong, Samples()[0].Pixels, nil)
	assert.EqualError(t, err, "the strong model has not loaded")
	_, err = m.WithStrong(nil)
	assert.EqualError(t, err, "the strong model is missing")
	_, err = m.WithStrong(b.Reader)
	assert.ErrorContains(t, err, "the strong model's weights are of an encoder alone")
	m, err = m.WithStrong(strong)
	require.NoError(t, err)
	r, err := m.Run(Strong, Samples()[0].Pixels, nil)
	require.NoError(t, err)
	assert.Equal(t, Strong, r.Denoiser)
}

func TestVerdict(t *testing.T) {
	r := func(label, in, out int) *Result {
		return &Result{Label: label, InputReading: reader.Reading{Digit: in, P: 0.5, Score: 8, Scored: true}, DAEReading: reader.Reading{Digit: out, P: 0.9, Score: 9, Scored: true}}
	}
	assert.Equal(t, "it is a 0: denoising recovered it", r(0, 8, 0).Verdict())
	assert.Equal(t, "it is a 3: denoising lost it", r(3, 3, 5).Verdict())
	assert.Equal(t, "it is an 8: denoising lost it", r(8, 8, 5).Verdict())
	assert.Equal(t, "it is a 3, and denoising kept it", r(3, 3, 3).Verdict())
	assert.Equal(t, "it is a 3, which the reader sees neither before nor after denoising", r(3, 1, 2).Verdict())
	// Seen after denoising, but hardly: neither kept nor recovered.
	faint := r(7, 8, 7)
	faint.DAEReading.P = 0.2
	assert.Equal(t, "it is a 7: after denoising the reader leans to it, but unsurely (under 60 %)", faint.Verdict())
	faint.InputReading.Digit = 7
	assert.Equal(t, "it is a 7: after denoising the reader leans to it, but unsurely (under 60 %)", faint.Verdict())
	faint.DAEReading.P = 0.6
	assert.Equal(t, "it is a 7, and denoising kept it", faint.Verdict())
	assert.Equal(t, "denoising kept the digit and made it clearer", r(-1, 4, 4).Verdict())
	assert.Equal(t, "denoising changed what the reader sees", r(-1, 4, 9).Verdict())
	// Surer, but not as the page shows it: 100 % before and after.
	sure := r(-1, 4, 4)
	sure.InputReading.P, sure.DAEReading.P = 0.9996, 0.9999
	assert.Equal(t, "denoising kept the digit", sure.Verdict())
	// An upload read unsurely before and after: a picture of something
	// else, or a box around the wrong part.
	vague := r(-1, 2, 2)
	vague.DAEReading.P = 0.55
	assert.Equal(t, "the reader is unsure what this is, before and after denoising (under 60 %): if it is not the digit, drag a box around the digit", vague.Verdict())
	vague.InputReading.P = 0.6 // sure enough before
	assert.Equal(t, "the reader is unsure what denoising made of it (under 60 %)", vague.Verdict())
	vague.DAEReading.P = 0.6 // and after
	assert.Equal(t, "denoising kept the digit", vague.Verdict())
	// An upload read surely, but scored low before and after: a letter,
	// a symbol, a doodle.
	letter := r(-1, 8, 8)
	letter.InputReading.P, letter.DAEReading.P = 0.97, 0.99
	letter.InputReading.Score, letter.DAEReading.Score = reader.Faint-0.1, reader.Faint-0.01
	assert.Equal(t, "this does not look much like any digit to the reader, before or after denoising: if there is a digit in the picture and this is not it, drag a box around the digit", letter.Verdict())
	letter.InputReading.Score = reader.Faint // scored enough before
	assert.Equal(t, "denoising kept the digit and made it clearer", letter.Verdict())
	letter.InputReading.Score, letter.DAEReading.Score = 0, reader.Faint // or after
	assert.Equal(t, "denoising kept the digit and made it clearer", letter.Verdict())
	letter.DAEReading.Score = 0
	assert.Equal(t, "denoising kept the digit and made it clearer", (&Result{Label: -1, InputReading: reader.Reading{Digit: 8, P: 0.97}, DAEReading: reader.Reading{Digit: 8, P: 0.99}}).Verdict(), "readings not scored (reader.Of) are not taken as scored low")
	letter.InputReading.P, letter.DAEReading.P = 0.5, 0.5
	assert.Equal(t, "the reader is unsure what this is, before and after denoising (under 60 %): if it is not the digit, drag a box around the digit", letter.Verdict(), "unsure too: said so first")
	letter.InputReading.P, letter.DAEReading.P = 0.97, 0.99
	letter.Label = 8
	assert.Equal(t, "it is an 8, and denoising kept it", letter.Verdict(), "a known digit is said to be one")

	// A drawing: against what the reader sees in it before its noise.
	drawn := func(clean, in, out int) *Result {
		res := r(-1, in, out)
		res.CleanReading = &reader.Reading{Digit: clean, P: 0.99}
		return res
	}
	assert.Equal(t, "your drawing reads as a 7 without its noise: denoising recovered it", drawn(7, 8, 7).Verdict())
	assert.Equal(t, "your drawing reads as a 7 without its noise: denoising lost it", drawn(7, 7, 1).Verdict())
	assert.Equal(t, "your drawing reads as a 7 without its noise, and denoising kept it", drawn(7, 7, 7).Verdict())
	assert.Equal(t, "your drawing reads as a 7 without its noise, which the reader sees neither before nor after denoising", drawn(7, 1, 2).Verdict())
	withLabel := drawn(7, 8, 7)
	withLabel.Label = 1
	assert.Equal(t, "it is a 1, which the reader sees neither before nor after denoising", withLabel.Verdict(), "a known digit comes first")

	// Under noise that the reader reads most digits as an 8 under, its
	// reading an 8 of the input is not taken for seeing the digit: an 8
	// is not said to be kept, nor lost, and the page says why it read 8.
	noisy := func(label, in, out int) *Result {
		res := r(label, in, out)
		res.NoiseReadAs, res.NoiseShare = 8, 0.92
		return res
	}
	why := "under this noise it reads 92 % of digits as an 8"
	for _, c := range []struct {
		res       *Result
		want, why string
	}{
		{noisy(8, 8, 8), "it is an 8, and the reader sees it after denoising", why}, // not "recovered": the input read 8 too
		{noisy(8, 8, 2), "it is an 8, which the reader does not see after denoising", why},
		{noisy(3, 8, 3), "it is a 3: denoising recovered it", why},
		{noisy(3, 8, 5), "it is a 3, which the reader sees neither before nor after denoising", why},
		{noisy(3, 3, 5), "it is a 3: denoising lost it", ""}, // another digit than the noise's is a reading
		{noisy(3, 3, 3), "it is a 3, and denoising kept it", ""},
		{r(8, 8, 8), "it is an 8, and denoising kept it", ""}, // no noise the reader reads as one digit
	} {
		assert.Equal(t, c.want, c.res.Verdict())
		assert.Equal(t, c.why, c.res.NoiseNote(), c.want)
	}
	unsurely := noisy(8, 8, 8)
	unsurely.DAEReading.P = 0.3
	assert.Equal(t, "it is an 8: after denoising the reader leans to it, but unsurely (under 60 %)", unsurely.Verdict())
	drawnNoisy := drawn(1, 8, 1)
	drawnNoisy.NoiseReadAs, drawnNoisy.NoiseShare = 8, 0.92
	assert.Equal(t, "your drawing reads as a 1 without its noise: denoising recovered it", drawnNoisy.Verdict())
	assert.Equal(t, why, drawnNoisy.NoiseNote())
	// Nothing of the digit left: said so, whatever the readings.
	for _, washed := range []*Result{r(3, 8, 3), r(3, 3, 3), noisy(8, 8, 2), drawn(7, 8, 7)} {
		washed.Washed = true
		assert.Contains(t, washed.Verdict(), ", but this much noise leaves nothing of it: every digit gives this same input")
	}
}

// NoteNoise says what the noise leaves of a digit: nothing where every pixel
// is the noise's, and which digit the reader reads most digits as under
// it, from the page's table (TestNoiseReads holds it), where it reads
// half of them or more so.
func TestNoteNoise(t *testing.T) {
	clean := Samples()[7].Pixels
	for _, c := range []struct {
		n      Noise
		washed bool
		share  float64 // 0 where none
	}{
		{DefaultNoise(), false, 0.922},
		{Noise{Kind: Gaussian, Amount: 0.3, Seed: 1}, false, 0}, // the reader reads 37 % as an 8
		{Noise{Kind: Gaussian, Amount: 0}, false, 0},
		{Noise{Kind: SaltPepper, Amount: 1, Seed: 4}, true, 0.944},
		{Noise{Kind: SaltPepper, Amount: 0.95, Seed: 4}, false, 0.952},
		{Noise{Kind: Occlusion, Amount: 1, Seed: 2}, false, 0},
	} {
		in, err := c.n.Apply(clean)
		require.NoError(t, err)
		r := &Result{Input: in}
		require.NoError(t, r.NoteNoise(c.n))
		assert.Equal(t, c.washed, r.Washed, "%+v", c.n)
		assert.InDelta(t, c.share, r.NoiseShare, 1e-9, "%+v", c.n)
		if c.share > 0 {
			assert.Equal(t, 8, r.NoiseReadAs, "%+v", c.n)
		}
	}
	// A block that fell on the black background changed nothing, and is
	// said to have; one on the digit is not; nor is no noise at all.
	var on, off bool
	for seed := uint64(1); seed <= 30 && !(on && off); seed++ {
		n := Noise{Kind: Occlusion, Amount: 0.05, Seed: seed}
		in, err := n.Apply(clean)
		require.NoError(t, err)
		r := &Result{Input: in, Clean: clean}
		require.NoError(t, r.NoteNoise(n))
		same := slices.Equal(in, clean)
		assert.Equal(t, same, r.Untouched, "seed %d", seed)
		on, off = on || !same, off || same
	}
	assert.True(t, on && off, "a block on the digit and one beside it, among 30 draws")
	none := &Result{Input: clean, Clean: clean}
	require.NoError(t, none.NoteNoise(Noise{Kind: Occlusion}))
	assert.False(t, none.Untouched, "no noise: nothing to draw again")
	// Every amount as the slider gives it (55/100 is a hair over 11
	// steps) finds its row of the table.
	for _, k := range NoiseKinds {
		for v := 0; v <= 100; v += AmountStep {
			d, share, ok := Noise{Kind: k.Kind, Amount: float64(v) / 100}.ReadAs()
			r := noiseReads[k.Kind][v/AmountStep]
			assert.Equal(t, []any{r.Digit, float64(r.Count) / noiseReadsOf, 2*r.Count >= noiseReadsOf}, []any{d, share, ok}, "%s at %d/100", k.Kind, v)
		}
	}
	_, _, ok := Noise{Kind: Gaussian, Amount: 0.51}.ReadAs()
	assert.False(t, ok, "an amount the page does not offer")
	_, _, ok = Noise{Kind: "speckle", Amount: 0.5}.ReadAs()
	assert.False(t, ok, "a kind the page does not offer")
	assert.Error(t, (&Result{Input: clean}).NoteNoise(Noise{Kind: "speckle", Amount: 0.5}))
}

// Noise is random, and a re-roll changes it, exactly where Random says: at
// every amount over 0 some re-roll changes it (a small block may fall on
// black background, where blanking changes nothing), at 0 none does.
func TestNoiseRandom(t *testing.T) {
	clean := Samples()[7].Pixels
	for _, kind := range []string{Gaussian, SaltPepper, Occlusion} {
		for _, amount := range []float64{0, 0.01, 0.05, 0.1, 0.5, 1} {
			n := Noise{Kind: kind, Amount: amount, Seed: 1}
			first, err := n.Apply(clean)
			require.NoError(t, err)
			changed := false
			for range 30 {
				n.Seed++
				again, err := n.Apply(clean)
				require.NoError(t, err)
				changed = changed || !slices.Equal(first, again)
			}
			assert.Equal(t, changed, n.Random(), "%s at %g", kind, amount)
		}
	}
	_, err := Noise{Kind: Gaussian, Amount: math.NaN()}.Apply(clean)
	assert.Error(t, err, "an amount that is not a number")
}

// The amount's words name what it does for each kind, with the block's
// size as Apply blanks it, and at 0 why a denoiser makes the digit worse.
func TestNoiseAmountSays(t *testing.T) {
	for _, c := range []struct {
		n    Noise
		says string
	}{
		{DefaultNoise(), "noise of standard deviation 0.50 added to each pixel"},
		{Noise{Kind: SaltPepper, Amount: 0.2}, "20 % of the pixels turned black or white"},
		{Noise{Kind: Occlusion, Amount: 1}, "a block of 17×17 pixels blanked"},
		{Noise{Kind: Gaussian, Amount: 0.05}, "noise of standard deviation 0.05 added to each pixel"},
		{Noise{Kind: Occlusion, Amount: 0.05}, "a block of 1×1 pixels blanked"},
	} {
		assert.Equal(t, c.says, c.n.AmountSays())
	}
	// No noise, of any kind: why every denoiser's output is worse than
	// its input then.
	for _, k := range NoiseKinds {
		c := struct {
			n    Noise
			says string
		}{Noise{Kind: k.Kind}, "no noise: the digit as it is, which no autoencoder gives back exactly (its code keeps only so much of it), so every denoised digit scores below it"}
		assert.Equal(t, c.says, c.n.AmountSays())
	}
	n := Noise{Kind: Occlusion, Amount: 0.5, Seed: 3}
	assert.Equal(t, "a block of 8×8 pixels blanked", n.AmountSays())
	blank := make([]float32, Side*Side)
	for i := range blank {
		blank[i] = 1
	}
	out, err := n.Apply(blank)
	require.NoError(t, err)
	zeros := 0
	for _, v := range out {
		if v == 0 {
			zeros++
		}
	}
	assert.Equal(t, 8*8, zeros, "the block Apply blanks")
}

func TestScoresString(t *testing.T) {
	assert.Equal(t, "15.0\u00a0dB · SSIM\u00a00.73", Scores{PSNR: 14.96, SSIM: 0.7312}.String())
	assert.Equal(t, "6.9\u00a0dB · SSIM\u00a00.00", Scores{PSNR: 6.9, SSIM: -0.004}.String(), "not -0.00")
	assert.Equal(t, "6.9\u00a0dB · SSIM\u00a0-0.08", Scores{PSNR: 6.9, SSIM: -0.08}.String())
	assert.Equal(t, "identical (∞\u00a0dB) · SSIM\u00a01.00", Scores{PSNR: math.Inf(1), SSIM: 1}.String())
}
