package main

import (
	"fmt"
	_ "image/jpeg" // the generated uploads are JPEG or PNG files
	_ "image/png"
	"strings"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/reader"
)

// maxUploads bounds -uploads: each upload is drawn, encoded, decoded and
// prepared, so that 10,000 take minutes.
const maxUploads = 10_000

// readUploads makes n generated uploads of seed (internal/uploads, as the
// tests make theirs) one at a time, prepares each as the page does
// (digitprep) and prints how many of them the digit reader reads as the
// digit drawn: in the prepared input, and in each model's output of it.
// Issue #12 asks that denoising keep the digit: a model's count at least
// the input's. It prints too how many score under reader.Faint before
// and after each model, which the page says do not look much like a
// digit (or, read under 60 % too, that the reader is unsure of): false
// alarms.
func readUploads(n int, seed uint64, test *mnist.Set, models []model, readerModel *nn.Model) error {
	if err := reader.Check(readerModel); err != nil {
		return err
	}
	sums, _ := readerModel.Logits()
	readerWS := sums.NewWorkspace()
	z := make([]float32, reader.Digits)
	var denoisers []*nn.Workspace
	for _, m := range models {
		denoisers = append(denoisers, m.m.NewWorkspace())
	}
	right := make([]int, 1+len(models)) // the input's, then each model's
	faint := make([]int, len(models))   // each model's uploads scored under reader.Faint before and after
	var noDigit []string
	err := uploads.Each(n, seed, test, func(u uploads.Upload) error {
		img, err := digitprep.Decode(u.Data)
		if err != nil {
			return fmt.Errorf("%s: %w", u.Name, err)
		}
		in, _, err := digitprep.Prepare(img)
		if digitprep.NoDigit(err) {
			noDigit = append(noDigit, u.Name) // the page says so and asks for a box: read right by none
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", u.Name, err)
		}
		imgs := [][]float32{in}
		for _, ws := range denoisers {
			out := make([]float32, len(in))
			if err := ws.Denoise(out, in); err != nil {
				return err
			}
			imgs = append(imgs, out)
		}
		var inScore float64
		for i, img := range imgs {
			if err := readerWS.Encode(z, img); err != nil {
				return err
			}
			r := reader.OfSums(z)
			if r.Digit == u.Digit {
				right[i]++
			}
			if i == 0 {
				inScore = r.Score
			} else if inScore < reader.Faint && r.Score < reader.Faint {
				faint[i-1]++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("\n### %d generated uploads (seed %d), prepared as the page prepares them\n\n", n, seed)
	fmt.Println("| read in | read right | scored under reader.Faint, in and out |")
	fmt.Println("|---|---:|---:|")
	fmt.Printf("| the prepared input | %d (%.1f %%) | |\n", right[0], 100*float64(right[0])/float64(n))
	for i, m := range models {
		fmt.Printf("| the %s's output | %d (%.1f %%) | %d |\n", m.name, right[i+1], 100*float64(right[i+1])/float64(n), faint[i])
	}
	if len(noDigit) > 0 {
		fmt.Printf("\nNo digit found (the page keeps the picture and asks for a box around the digit) in %d: %s\n", len(noDigit), strings.Join(noDigit, ", "))
	}
	return nil
}
