//go:build gotch

package main

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/godae/dae/noise"
)

// figureDigits is how many test digits the figure shows.
const figureDigits = 10

// Report file names in the output folder.
const (
	reportFile = "report.md"
	figureFile = "report.png"
)

// report collects what the run measured and writes it as Markdown and a
// PNG figure.
type report struct {
	cfg     Config
	data    *data
	runs    []modelRun
	peakRSS float64
	// candidate is set when a model's new weights were not installed (see
	// install): the report then describes candidates, not what is in -out.
	candidate bool
}

type modelRun struct {
	kind    Kind
	hist    []Epoch
	outputs []float32 // the model's outputs for the first figureDigits noisy test images
	took    time.Duration
	// settings are those of the earlier run that trained the model, when
	// this run did not (see readEarlier), and input what it was trained on
	// (its weights' metadata); both empty for the run's own models.
	settings, input string
}

// add records a model's run. took is the training time of its epochs
// (summed from hist, so that a run resumed from a checkpoint reports its
// whole training, not the part after the resumption).
func (r *report) add(kind Kind, hist []Epoch, outputs []float32) {
	var took time.Duration
	for _, e := range hist {
		took += time.Duration(e.Seconds * float64(time.Second))
	}
	r.runs = append(r.runs, modelRun{kind: kind, hist: hist, outputs: outputs, took: took})
}

// reportFiles names a report and its figure.
type reportFiles struct{ report, figure string }

// files are where the report goes: report.md and report.png, or, when a
// model's new weights were not installed, report.candidate.md and
// report.candidate.png beside them, so that report.md always describes the
// weights in its folder.
func (r *report) files() reportFiles {
	if r.candidate {
		return reportFiles{candidateName(reportFile), candidateName(figureFile)}
	}
	return reportFiles{reportFile, figureFile}
}

// candidateName is NAME.candidate.EXT for NAME.EXT.
func candidateName(file string) string {
	ext := filepath.Ext(file)
	return strings.TrimSuffix(file, ext) + ".candidate" + ext
}

func (r *report) write(dir string) error {
	f := r.files()
	png, err := r.figure()
	if err != nil {
		return err
	}
	if err := renameio.WriteFile(filepath.Join(dir, f.figure), png, 0o644); err != nil {
		return err
	}
	return renameio.WriteFile(filepath.Join(dir, f.report), []byte(r.markdown(f.figure)), 0o644)
}

// markdown is the report, showing the figure written as figure.
func (r *report) markdown(figure string) string {
	var b bytes.Buffer
	c := r.cfg
	fmt.Fprintf(&b, "# Training report\n\n")
	fmt.Fprintf(&b, "%d MNIST training images, %d epochs (the strong model %d), batch %d, Adam lr %g (%s schedule), noise factor %g, seed %d, %d libtorch threads on %s. Peak RSS %.0f MiB.\n\n",
		r.data.nTrain, c.Epochs, c.StrongEpochs, c.Batch, c.LR, c.Schedule, c.Noise, c.Seed, c.Threads, c.Device.Name, r.peakRSS)
	fmt.Fprintf(&b, "Test metrics: the %s MNIST test digits with Gaussian noise (factor %g, drawn once), output against the clean digit; mean per image.\n\n", r.data.testDigits(), c.Noise)
	fmt.Fprintf(&b, "![clean, noisy, and the models' outputs; loss curves](%s)\n\n", figure)
	for _, run := range r.runs {
		fmt.Fprintf(&b, "## %s (%s of training epochs)\n\n", run.kind, run.took.Round(time.Second))
		if run.settings != "" {
			fmt.Fprintf(&b, "%s%s\n\n", carriedFrom, run.settings)
		}
		if run.kind == Strong {
			fmt.Fprintf(&b, "The strong model: trained on %s.\n\n", cmp.Or(run.input, noise.BlindDescription))
		}
		if run.kind == Reader {
			fmt.Fprintf(&b, "The digit reader: trained on %s; measured on the clean test digits.\n\n", cmp.Or(run.input, augmentText))
			fmt.Fprintf(&b, "| epoch | train loss (cross-entropy) | test accuracy | seconds | RSS (MiB) |\n|---:|---:|---:|---:|---:|\n")
			for _, e := range run.hist {
				fmt.Fprintf(&b, "| %d | %.4f | %.2f %% | %.1f | %.0f |\n", e.Epoch, e.TrainLoss, 100*e.Accuracy, e.Seconds, e.RSSMiB)
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "| epoch | train loss | test PSNR (dB) | test SSIM | test BCE | seconds | RSS (MiB) |\n|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, e := range run.hist {
			fmt.Fprintf(&b, "| %d | %.4f | %.2f | %.3f | %.4f | %.1f | %.0f |\n", e.Epoch, e.TrainLoss, e.Test.PSNR, e.Test.SSIM, e.Test.BCE, e.Seconds, e.RSSMiB)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// figure draws rows of clean, noisy and model-output digits above the
// training-loss curves of each autoencoder (the reader's loss is another
// measure, in the report's table).
func (r *report) figure() ([]byte, error) {
	const cell = 48 // points per digit
	const label = 90
	var runs []modelRun
	for _, run := range r.runs {
		if run.kind != Reader {
			runs = append(runs, run)
		}
	}
	rows := 2 + len(runs)
	width := vg.Length(label + figureDigits*cell + 10)
	plotH := vg.Length(260)
	height := vg.Length(rows*cell+20) + plotH
	img := vgimg.New(width, height)
	dc := draw.New(img)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())

	size := r.data.rows * r.data.cols
	names := []string{"clean", "noisy"}
	sources := [][]float32{r.data.testClean, r.data.testNoisy}
	for _, run := range runs {
		names = append(names, map[Kind]string{Denoising: "DAE output", Plain: "AE output", Strong: "strong output"}[run.kind])
		sources = append(sources, run.outputs)
	}
	style := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, 11), Handler: plot.DefaultTextHandler, YAlign: draw.YCenter}
	for row, src := range sources {
		top := height - vg.Length(10+row*cell)
		dc.FillText(style, vg.Point{X: 6, Y: top - cell/2}, names[row])
		for i := 0; i < figureDigits; i++ {
			x := vg.Length(label + i*cell)
			rect := vg.Rectangle{Min: vg.Point{X: x + 2, Y: top - cell + 2}, Max: vg.Point{X: x + cell - 2, Y: top - 2}}
			dc.DrawImage(rect, grayImage(src[i*size:(i+1)*size], r.data.rows, r.data.cols))
		}
	}

	p := plot.New()
	p.Title.Text = "training loss (binary cross-entropy)"
	p.X.Label.Text = "epoch"
	p.Y.Label.Text = "loss"
	p.Legend.Top = true
	for i, run := range runs {
		pts := make(plotter.XYs, len(run.hist))
		for j, e := range run.hist {
			pts[j] = plotter.XY{X: float64(e.Epoch), Y: e.TrainLoss}
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color = []color.Color{color.RGBA{R: 200, G: 60, B: 40, A: 255}, color.RGBA{R: 40, G: 90, B: 200, A: 255}, color.RGBA{R: 30, G: 150, B: 70, A: 255}}[i%3]
		line.Width = vg.Points(2)
		p.Add(line)
		p.Legend.Add(string(run.kind), line)
	}
	p.Draw(draw.Crop(dc, 0, 0, 0, -(height - plotH)))

	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// grayImage makes an image of h×w values in [0,1], ink white on black as
// in MNIST.
func grayImage(v []float32, h, w int) image.Image {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i, x := range v {
		g.Pix[i] = uint8(max(0, min(1, x))*255 + 0.5)
	}
	return g
}
