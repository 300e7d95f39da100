//go:build gotch

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// allKinds are the models a run can train, in the order the report shows
// them.
var allKinds = []Kind{Denoising, Plain, Reader, Strong}

// carriedFrom opens the line of a model's section that says which run
// trained it, when that was not the run the report is of.
const carriedFrom = "Trained by an earlier run: "

// earlier is what the report in a run's output folder says of the models
// that the run does not train (-models names only some), so that the
// report the run writes still describes every model beside it.
type earlier struct {
	runs   []modelRun // in allKinds order
	models map[Kind]*nn.Model
}

// readEarlier reads, before any training, dir's report.md for each model
// that the run does not train and whose weights file is in dir: its
// section's table back into epochs, and the weights, which the section must
// describe (as many epochs, the same final score). Anything it cannot carry
// is an error that names the way out; nothing is read when the run trains
// every model.
func readEarlier(dir string, trained []Kind) (*earlier, error) {
	e := &earlier{models: map[Kind]*nn.Model{}}
	var carry []Kind
	for _, kind := range allKinds {
		if slices.Contains(trained, kind) {
			continue
		}
		_, err := os.Stat(filepath.Join(dir, string(kind)+".safetensors"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		carry = append(carry, kind)
	}
	if len(carry) == 0 {
		return e, nil
	}
	path := filepath.Join(dir, reportFile)
	way := fmt.Sprintf("train those models too (-models), or move them out of %s", dir)
	sections, settings, err := readSections(path, carry)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s holds weights of %v, which this run does not train, and no %s to describe them in the new one: %s", dir, carry, reportFile, way)
	}
	if err != nil {
		return nil, fmt.Errorf("%v: it describes weights this run does not train (%v) and cannot be carried into the new report: correct it, or %s", err, carry, way)
	}
	for _, kind := range carry {
		run, ok := sections[kind]
		if !ok {
			return nil, fmt.Errorf("%s has no section for %s.safetensors, which this run does not train: %s", path, kind, way)
		}
		file := filepath.Join(dir, string(kind)+".safetensors")
		f, err := weights.Read(file)
		if err != nil {
			return nil, fmt.Errorf("%s, which this run does not train, for the report: %w", file, err)
		}
		if err := describes(run, f); err != nil {
			return nil, fmt.Errorf("%s's section for %s does not describe %s (%v): %s", path, kind, file, err, way)
		}
		if kind != Reader {
			if err := checkImages(f.Model.Arch()); err != nil {
				return nil, fmt.Errorf("%s, which this run does not train, for the report's figure: %v", file, err)
			}
		}
		if run.settings == "" { // trained by the run the report was of
			run.settings = fmt.Sprintf("%s Test set: %s.", settings, f.Metadata["test_set"])
		}
		run.input = f.Metadata["input"]
		e.runs = append(e.runs, run)
		e.models[kind] = f.Model
	}
	return e, nil
}

// readSections reads the sections of kinds from a report, and the report's
// sentence of its run's settings (its third line).
func readSections(path string, kinds []Kind) (map[Kind]modelRun, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	sections := map[Kind]modelRun{}
	var settings string
	var cur *modelRun
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		fail := func(err error) error { return fmt.Errorf("%s, line %d: %v", path, line, err) }
		switch {
		case line == 3:
			settings = text
		case strings.HasPrefix(text, "## "):
			if cur != nil {
				sections[cur.kind] = *cur
			}
			cur = nil
			name, _, _ := strings.Cut(strings.TrimPrefix(text, "## "), " (")
			if !slices.Contains(kinds, Kind(name)) {
				continue // another model's section, or not a model's
			}
			if _, dup := sections[Kind(name)]; dup {
				return nil, "", fail(fmt.Errorf("a second section for %s", name))
			}
			kind, took, err := parseHeading(text)
			if err != nil {
				return nil, "", fail(err)
			}
			cur = &modelRun{kind: kind, took: took}
		case cur != nil && strings.HasPrefix(text, carriedFrom):
			cur.settings = strings.TrimPrefix(text, carriedFrom)
		case cur != nil && epochRow(text):
			ep, err := parseEpoch(text, cur.kind)
			if err != nil {
				return nil, "", fail(err)
			}
			cur.hist = append(cur.hist, ep)
		}
	}
	if cur != nil {
		sections[cur.kind] = *cur
	}
	return sections, settings, sc.Err()
}

// epochRow reports whether a line of a report is a row of a model's table
// (one epoch), not its header, rule or prose.
func epochRow(line string) bool {
	return len(line) > 2 && strings.HasPrefix(line, "| ") && line[2] >= '0' && line[2] <= '9'
}

// describes checks that a section's table is of the weights f: as many
// epochs as it was trained for, ending on the score it was saved with (as
// the table prints it).
func describes(run modelRun, f *weights.File) error {
	md := f.Metadata
	if n, err := strconv.Atoi(md["epochs"]); err != nil || n != len(run.hist) || n == 0 {
		return fmt.Errorf("%d epochs in the table, %q in the weights' metadata", len(run.hist), md["epochs"])
	}
	last := run.hist[len(run.hist)-1]
	table, meta := fmt.Sprintf("%.2f", last.Test.PSNR), md["test_psnr_db"]
	if run.kind == Reader {
		table, meta = fmt.Sprintf("%.2f", 100*last.Accuracy), md["test_accuracy"]
		if v, err := strconv.ParseFloat(meta, 64); err == nil {
			meta = fmt.Sprintf("%.2f", 100*v)
		}
	} else if v, err := strconv.ParseFloat(meta, 64); err == nil {
		meta = fmt.Sprintf("%.2f", v)
	}
	if table != meta {
		return fmt.Errorf("the last epoch's score %s in the table, %s in the weights' metadata", table, meta)
	}
	return nil
}

// checkImages checks that an autoencoder's images are the report's:
// one 28×28 channel in and out.
func checkImages(a nn.Arch) error {
	shapes, err := a.Shapes()
	if err != nil {
		return err
	}
	want := nn.Shape{C: 1, H: 28, W: 28}
	if a.Input != want || shapes[len(shapes)-1] != want {
		return fmt.Errorf("its images are %v in and %v out, not %v", a.Input, shapes[len(shapes)-1], want)
	}
	return nil
}

// parseHeading reads "## KIND (DURATION of training epochs)".
func parseHeading(s string) (Kind, time.Duration, error) {
	name, rest, ok := strings.Cut(strings.TrimPrefix(s, "## "), " (")
	took, ok2 := strings.CutSuffix(rest, " of training epochs)")
	if !ok || !ok2 {
		return "", 0, fmt.Errorf("the heading %q is not \"## MODEL (TIME of training epochs)\"", s)
	}
	d, err := time.ParseDuration(took)
	if err != nil {
		return "", 0, fmt.Errorf("the heading %q: %v", s, err)
	}
	return Kind(name), d, nil
}

// parseEpoch reads a row of a model's table as markdown writes it: epoch,
// train loss, then test accuracy (the reader) or test PSNR, SSIM and BCE,
// then seconds and RSS.
func parseEpoch(row string, kind Kind) (Epoch, error) {
	var cells []float64
	for _, c := range strings.Split(strings.Trim(row, "| "), "|") {
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c), "%")), 64)
		if err != nil {
			return Epoch{}, fmt.Errorf("the table row %q: %v", row, err)
		}
		cells = append(cells, v)
	}
	want := 7
	if kind == Reader {
		want = 5
	}
	if len(cells) != want {
		return Epoch{}, fmt.Errorf("the table row %q has %d cells, not %d", row, len(cells), want)
	}
	e := Epoch{Epoch: int(cells[0]), TrainLoss: cells[1], Seconds: cells[want-2], RSSMiB: cells[want-1]}
	if kind == Reader {
		e.Accuracy = cells[2] / 100
	} else {
		e.Test.PSNR, e.Test.SSIM, e.Test.BCE = cells[2], cells[3], cells[4]
	}
	return e, nil
}

// add puts the earlier models into rep, in the report's order among the
// models of this run, with the autoencoders' outputs for the figure
// computed by the pure-Go engine on the figure's noisy digits.
func (e *earlier) add(rep *report) error {
	size := rep.data.rows * rep.data.cols
	for _, run := range e.runs {
		if run.kind != Reader {
			run.outputs = make([]float32, figureDigits*size)
			if err := e.models[run.kind].NewWorkspace().DenoiseBatch(run.outputs, rep.data.testNoisy[:figureDigits*size]); err != nil {
				return fmt.Errorf("%s for the report's figure: %w", run.kind, err)
			}
		}
		rep.runs = append(rep.runs, run)
	}
	slices.SortStableFunc(rep.runs, func(a, b modelRun) int {
		return slices.Index(allKinds, a.kind) - slices.Index(allKinds, b.kind)
	})
	return nil
}
