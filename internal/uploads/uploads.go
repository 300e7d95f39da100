// Package uploads makes test uploads: pictures of digits as people give
// them to the page, rather than MNIST digits. A digit is printed in one of
// several fonts (sans, serif, mono, thin and bold, and handwriting fonts),
// or is an MNIST test digit drawn large as handwriting; it is rotated a
// little, thinned or thickened, placed anywhere on a canvas 56 to 1400
// pixels wide and 0.6 to 1.5 times as high (56 at least), dark on light paper or light on dark, under uneven
// lighting, blurred, with sensor noise, and saved as PNG or as JPEG of
// quality 60 to 95. Each upload is made from the set's seed and its index,
// so a set is the same on every machine; the images are made, not stored.
//
// The fonts come from Debian packages (see Fonts); make test installs them.
package uploads

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/mnist"
)

// Font is a font file of a Debian package.
type Font struct {
	Name, Path, Package string
}

// Fonts are the typefaces uploads are printed in.
var Fonts = []Font{
	{"DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core"},
	{"DejaVu Sans Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core"},
	{"DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "fonts-dejavu-core"},
	{"DejaVu Sans Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "fonts-dejavu-core"},
	{"DejaVu Sans ExtraLight", "/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf", "fonts-dejavu-extra"},
	{"Liberation Sans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "fonts-liberation"},
	{"Liberation Serif Bold", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", "fonts-liberation"},
	{"Liberation Sans Narrow", "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf", "fonts-liberation"},
	{"Comic Neue", "/usr/share/fonts/opentype/comic-neue/ComicNeue-Regular.otf", "fonts-comic-neue"},
	{"Comic Neue Light", "/usr/share/fonts/opentype/comic-neue/ComicNeue-Light.otf", "fonts-comic-neue"},
	{"DKG handwriting", "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf", "fonts-dkg-handwriting"},
	{"Breip", "/usr/share/fonts/truetype/breip/Breip.ttf", "fonts-breip"},
}

// Packages are the Debian packages of Fonts.
func Packages() []string {
	seen := map[string]bool{}
	var pkgs []string
	for _, f := range Fonts {
		if !seen[f.Package] {
			seen[f.Package] = true
			pkgs = append(pkgs, f.Package)
		}
	}
	return pkgs
}

// Upload is one test upload.
type Upload struct {
	Name  string // a file name that says what was done, e.g. "017-7-dejavu-sans-bold-dark-paper-gradient-q72.jpg"
	Digit int    // the digit drawn, or -1 for a glyph that is none (EachOther)
	Data  []byte // the file
	Case  Case
}

// Case is what an upload's picture went through.
type Case struct {
	Source     string  // the font, "MNIST test digit N", or the glyph quoted and its font (EachOther)
	Width      int     // canvas size in pixels
	Height     int     //
	Height20   float64 // the digit's height as a share of the canvas's shorter side
	LightInk   bool    // light ink on dark (a screenshot of a dark page, chalk), else dark on paper
	Paper, Ink float64 // grey levels of the background and the ink, in [0,1]
	Gradient   float64 // lighting: the paper level changes by up to this across the page
	Rotate     float64 // degrees
	Stroke     int     // pixels of thickening (> 0) or thinning (< 0) at the drawing's scale
	Blur       float64 // Gaussian blur σ, in pixels
	Noise      float64 // Gaussian sensor noise σ
	JPEG       int     // JPEG quality, or 0 for PNG
}

// Set makes n uploads from seed, each digit 0–9 equally often, a third
// of them MNIST test digits drawn as handwriting (from test, which may be
// nil: then fonts only).
func Set(n int, seed uint64, test *mnist.Set) ([]Upload, error) {
	var out []Upload
	err := Each(n, seed, test, func(u Upload) error {
		out = append(out, u)
		return nil
	})
	return out, err
}

// Each makes the uploads Set makes, one at a time, and calls f with each,
// so that a large set need not be held in memory; it stops at f's first
// error.
func Each(n int, seed uint64, test *mnist.Set, f func(Upload) error) error {
	faces, err := loadFonts()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		u, err := one(i, r, faces, test)
		if err != nil {
			return err
		}
		if err := f(u); err != nil {
			return err
		}
	}
	return nil
}

// CheckFonts says which font is missing, if one is, and the Debian package
// that installs it.
func CheckFonts() error {
	_, err := loadFonts()
	return err
}

// loadFonts reads and parses the typefaces of Fonts.
func loadFonts() (map[string]*opentype.Font, error) {
	faces := map[string]*opentype.Font{}
	for _, f := range Fonts {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return nil, fmt.Errorf("font %s: %v (install the Debian package %s)", f.Name, err, f.Package)
		}
		if faces[f.Name], err = opentype.Parse(data); err != nil {
			return nil, fmt.Errorf("font %s: %v", f.Name, err)
		}
	}
	return faces, nil
}

// one makes upload i.
func one(i int, r *rand.Rand, faces map[string]*opentype.Font, test *mnist.Set) (Upload, error) {
	digit := i % 10
	c := newCase(r)
	// The digit as coverage in [0,1] at a drawing scale of about 300 px.
	var mask *image.Gray
	if test != nil && i%3 == 2 {
		k := findDigit(test, digit, i)
		c.Source = fmt.Sprintf("MNIST test digit %d", k)
		mask = handwriting(test.Image(nil, k))
	} else {
		f := Fonts[r.IntN(len(Fonts))]
		c.Source = f.Name
		var err error
		if mask, err = printed(faces[f.Name], string(rune('0'+digit))); err != nil {
			return Upload{}, fmt.Errorf("%s: %v", f.Name, err)
		}
	}
	return finish(i, digit, mask, c, r)
}

// newCase draws a picture's canvas, colours, lighting, rotation, stroke,
// blur, noise and format.
func newCase(r *rand.Rand) Case {
	c := Case{
		Width:    logUniform(r, 56, 1400),
		Height20: 0.3 + 0.5*r.Float64(),
		LightInk: r.IntN(4) == 0,
		Gradient: 0.35 * r.Float64(),
		Rotate:   16*r.Float64() - 8,
		Stroke:   r.IntN(5) - 2,
		Blur:     1.5 * r.Float64() * r.Float64(),
		Noise:    []float64{0, 0.02, 0.05, 0.1, 0.15}[r.IntN(5)],
	}
	c.Height = max(56, int(float64(c.Width)*(0.6+0.9*r.Float64())))
	if r.IntN(3) > 0 {
		c.JPEG = 60 + r.IntN(36)
	}
	// Paper and ink far enough apart to see the digit (contrast at least
	// 0.25), and lighting that leaves at least 0.25 everywhere.
	c.Paper, c.Ink = 0.6+0.35*r.Float64(), 0.35*r.Float64()
	if c.LightInk {
		c.Paper, c.Ink = 0.3*r.Float64(), 0.6+0.4*r.Float64()
	}
	c.Gradient = min(c.Gradient, math.Abs(c.Paper-c.Ink)-0.25)
	return c
}

// finish thins or thickens the mask's strokes as c says, places it on
// c's canvas and encodes the picture: upload i, of digit (-1 for a glyph
// that is no digit).
func finish(i, digit int, mask *image.Gray, c Case, r *rand.Rand) (Upload, error) {
	if c.Stroke > 0 {
		mask = morph(mask, c.Stroke)
	} else {
		mask, c.Stroke = thin(mask, c.Stroke)
	}
	// A stroke thinner than 1.5 pixels on the canvas is not a picture
	// anyone takes of a digit: thicken it until it is not.
	for strokeWidth(mask)*scaleOf(mask, c) < 1.5 {
		mask = morph(mask, 1)
		c.Stroke++
	}
	img := compose(mask, c, r)
	data, err := encode(img, c.JPEG)
	if err != nil {
		return Upload{}, err
	}
	return Upload{Name: name(i, digit, c), Digit: digit, Data: data, Case: c}, nil
}

// EachOther makes n pictures as Each makes uploads, but of the glyphs in
// others (letters, symbols, words: any text a font draws), in turn,
// printed in the fonts the uploads use: what the page is given when it is
// given no digit. Their Digit is -1; their Source names the glyph and the
// font.
func EachOther(n int, seed uint64, others []string, f func(Upload) error) error {
	if len(others) == 0 {
		return fmt.Errorf("no glyphs to print")
	}
	faces, err := loadFonts()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		c := newCase(r)
		face, text := Fonts[r.IntN(len(Fonts))], others[i%len(others)]
		c.Source = fmt.Sprintf("%q %s", text, face.Name)
		mask, err := printed(faces[face.Name], text)
		if err != nil {
			return fmt.Errorf("%s: %v", face.Name, err)
		}
		u, err := finish(i, -1, mask, c, r)
		if err != nil {
			return err
		}
		if err := f(u); err != nil {
			return err
		}
	}
	return nil
}

func logUniform(r *rand.Rand, lo, hi float64) int {
	return int(math.Exp(math.Log(lo) + r.Float64()*(math.Log(hi)-math.Log(lo))))
}

// findDigit is the index of a test digit showing digit, a different one
// for each i.
func findDigit(test *mnist.Set, digit, i int) int {
	seen := 0
	for k, l := range test.Labels {
		if int(l) == digit {
			if seen == i/10 {
				return k
			}
			seen++
		}
	}
	return 0
}

// printed draws s in face as coverage, 300 px tall, with a margin.
func printed(f *opentype.Font, s string) (*image.Gray, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 300, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	b, adv := font.BoundString(face, s)
	w := (adv.Ceil() + 80)
	h := (b.Max.Y - b.Min.Y).Ceil() + 80
	alpha := image.NewAlpha(image.Rect(0, 0, w, h))
	d := font.Drawer{Dst: alpha, Src: image.Opaque, Face: face, Dot: fixed.P(40, 40-b.Min.Y.Floor())}
	d.DrawString(s)
	g := image.NewGray(alpha.Rect)
	copy(g.Pix, alpha.Pix)
	return g, nil
}

// handwriting draws an MNIST digit 10 times larger, smoothly (bilinear),
// with a margin.
func handwriting(d []float32) *image.Gray {
	const k, m = 10, 40
	g := image.NewGray(image.Rect(0, 0, 28*k+2*m, 28*k+2*m))
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= 28 || y >= 28 {
			return 0
		}
		return float64(d[y*28+x])
	}
	for y := 0; y < 28*k; y++ {
		for x := 0; x < 28*k; x++ {
			fx, fy := (float64(x)+0.5)/k-0.5, (float64(y)+0.5)/k-0.5
			x0, y0 := int(math.Floor(fx)), int(math.Floor(fy))
			tx, ty := fx-float64(x0), fy-float64(y0)
			v := (1-ty)*((1-tx)*at(x0, y0)+tx*at(x0+1, y0)) + ty*((1-tx)*at(x0, y0+1)+tx*at(x0+1, y0+1))
			g.Pix[(y+m)*g.Stride+x+m] = uint8(255 * v)
		}
	}
	return g
}

// morph thickens (n > 0) or thins (n < 0) the coverage by |n|·4 pixels of
// grey dilation or erosion at the drawing's scale (about 300 px); thin
// thins without breaking strokes.
func morph(g *image.Gray, n int) *image.Gray {
	for range 4 * abs(n) {
		out := image.NewGray(g.Rect)
		w, h := g.Rect.Dx(), g.Rect.Dy()
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				v := g.Pix[y*g.Stride+x]
				for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					xx, yy := x+d[0], y+d[1]
					var u uint8
					if xx >= 0 && yy >= 0 && xx < w && yy < h {
						u = g.Pix[yy*g.Stride+xx]
					}
					if n > 0 {
						v = max(v, u)
					} else {
						v = min(v, u)
					}
				}
				out.Pix[y*out.Stride+x] = v
			}
		}
		g = out
	}
	return g
}

// thin thins the coverage by up to -n·4 pixels, a pixel at a time, and
// stops before a step that would break a stroke (split the ink into more
// pieces) or take away more than half of it: a thin pen writes a thinner
// digit, not a broken one. It returns the thinning done, in steps of 4.
func thin(g *image.Gray, n int) (*image.Gray, int) {
	pieces, area := shape(g)
	done := 0
	for done < -4*n {
		next := morph(g, -1)
		p, a := shape(next)
		if p > pieces || 2*a < area {
			break
		}
		g = next
		done++
	}
	return g, -done / 4
}

// shape counts the pieces (8-connected) of the coverage over half, and
// their area.
func shape(g *image.Gray) (pieces, area int) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	seen := make([]bool, w*h)
	var stack []int
	for start := range seen {
		if seen[start] || g.Pix[(start/w)*g.Stride+start%w] <= 127 {
			continue
		}
		pieces++
		seen[start] = true
		stack = append(stack[:0], start)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			area++
			x, y := i%w, i/w
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := x+dx, y+dy
					if xx >= 0 && yy >= 0 && xx < w && yy < h && !seen[yy*w+xx] && g.Pix[yy*g.Stride+xx] > 127 {
						seen[yy*w+xx] = true
						stack = append(stack, yy*w+xx)
					}
				}
			}
		}
	}
	return pieces, area
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// strokeWidth is the mean width of the coverage's strokes, in its pixels:
// twice its area over its perimeter (a stroke of width w and length L has
// area wL and perimeter about 2L).
func strokeWidth(g *image.Gray) float64 {
	var area, edges int
	w, h := g.Rect.Dx(), g.Rect.Dy()
	in := func(x, y int) bool { return x >= 0 && y >= 0 && x < w && y < h && g.Pix[y*g.Stride+x] > 127 }
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if !in(x, y) {
				continue
			}
			area++
			for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				if !in(x+d[0], y+d[1]) {
					edges++
				}
			}
		}
	}
	if edges == 0 {
		return 0
	}
	return 2 * float64(area) / float64(edges)
}

// scaleOf is how much compose scales the coverage for c.
func scaleOf(mask *image.Gray, c Case) float64 {
	ink := inkBounds(mask)
	return c.Height20 * float64(min(c.Width, c.Height)) / float64(max(ink.Dx(), ink.Dy()))
}

// compose places the coverage on a canvas as c says: scaled so that its
// ink is Height20 of the shorter side, rotated, anywhere it fits, paper
// and ink levels with a lighting gradient, blur and noise.
func compose(mask *image.Gray, c Case, r *rand.Rand) *image.Gray {
	ink := inkBounds(mask)
	scale := scaleOf(mask, c)
	sw, sh := float64(ink.Dx())*scale, float64(ink.Dy())*scale
	// Anywhere the digit fits, with its centre at (cx, cy).
	cx := sw/2 + r.Float64()*max(0, float64(c.Width)-sw)
	cy := sh/2 + r.Float64()*max(0, float64(c.Height)-sh)
	mx, my := float64(ink.Min.X+ink.Max.X)/2, float64(ink.Min.Y+ink.Max.Y)/2
	sin, cos := math.Sincos(c.Rotate * math.Pi / 180)
	gx, gy := math.Sincos(2 * math.Pi * r.Float64()) // the lighting's direction
	diag := math.Hypot(float64(c.Width), float64(c.Height))
	cover := make([]float32, c.Width*c.Height)
	for y := 0; y < c.Height; y++ {
		for x := 0; x < c.Width; x++ {
			// Back from the canvas to the mask: unrotate, unscale.
			dx, dy := (float64(x)+0.5-cx)/scale, (float64(y)+0.5-cy)/scale
			u, v := cos*dx+sin*dy+mx, -sin*dx+cos*dy+my
			cover[y*c.Width+x] = float32(bilinear(mask, u, v))
		}
	}
	cover = blur(cover, c.Width, c.Height, c.Blur)
	img := image.NewGray(image.Rect(0, 0, c.Width, c.Height))
	for y := 0; y < c.Height; y++ {
		for x := 0; x < c.Width; x++ {
			t := ((float64(x)-float64(c.Width)/2)*gx + (float64(y)-float64(c.Height)/2)*gy) / diag
			paper := c.Paper + c.Gradient*t*2*sign(0.5-c.Paper)
			a := float64(cover[y*c.Width+x])
			v := paper*(1-a) + c.Ink*a + c.Noise*r.NormFloat64()
			img.Pix[y*img.Stride+x] = uint8(255*math.Max(0, math.Min(1, v)) + 0.5)
		}
	}
	return img
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// inkBounds is the box of the mask's pixels over half coverage.
func inkBounds(g *image.Gray) image.Rectangle {
	var b image.Rectangle
	for y := 0; y < g.Rect.Dy(); y++ {
		for x := 0; x < g.Rect.Dx(); x++ {
			if g.Pix[y*g.Stride+x] > 127 {
				b = b.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return b
}

// bilinear samples coverage at (u, v), 0 outside.
func bilinear(g *image.Gray, u, v float64) float64 {
	u, v = u-0.5, v-0.5
	x0, y0 := int(math.Floor(u)), int(math.Floor(v))
	tx, ty := u-float64(x0), v-float64(y0)
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= g.Rect.Dx() || y >= g.Rect.Dy() {
			return 0
		}
		return float64(g.Pix[y*g.Stride+x]) / 255
	}
	return (1-ty)*((1-tx)*at(x0, y0)+tx*at(x0+1, y0)) + ty*((1-tx)*at(x0, y0+1)+tx*at(x0+1, y0+1))
}

// blur is classic.GaussianBlur of σ pixels (none below 0.3).
func blur(v []float32, w, h int, sigma float64) []float32 {
	if sigma < 0.3 {
		return v
	}
	out := make([]float32, len(v))
	classic.GaussianBlur(out, v, h, w, sigma)
	return out
}

// encode writes img as PNG (quality 0) or JPEG of that quality.
func encode(img image.Image, quality int) ([]byte, error) {
	var b bytes.Buffer
	var err error
	if quality == 0 {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: quality})
	}
	return b.Bytes(), err
}

// name says what an upload is, for logs and failure messages.
func name(i, digit int, c Case) string {
	polarity := "dark-on-light"
	if c.LightInk {
		polarity = "light-on-dark"
	}
	ext := "png"
	if c.JPEG > 0 {
		ext = fmt.Sprintf("q%d.jpg", c.JPEG)
	}
	what := fmt.Sprint(digit)
	if digit < 0 {
		what = "glyph" // Source names it, and slug would drop a symbol
	}
	return fmt.Sprintf("%03d-%s-%s-%dx%d-%s-stroke%+d-noise%.2f.%s", i, what, slug(c.Source), c.Width, c.Height, polarity, c.Stroke, c.Noise, ext)
}

func slug(s string) string {
	b := []byte{}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r-'A'+'a'))
		default:
			if len(b) > 0 && b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	return string(b)
}
