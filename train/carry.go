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

	"github.com/godae/dae/weights"
)

// allKinds are the models a run can train, in the order the report shows
// them.
var allKinds = []Kind{Denoising, Plain, Reader, Strong}

// earlier is what the report in a run's output folder says of the models
// that the run does not train (-models names only some), so that the
// report the run writes still describes every model beside it.
type earlier struct {
	settings string // the earlier report's sentence of its run's settings
	runs     map[Kind]modelRun
}

// readEarlier reads dir's report.md for the models not in trained whose
// weights files are in dir: each one's section, its table read back into
// epochs. It returns nothing when there is no report, and an error, before
// any training, when the report says something it cannot read back.
func readEarlier(dir string, trained []Kind) (*earlier, error) {
	path := filepath.Join(dir, reportFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &earlier{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	e := &earlier{runs: map[Kind]modelRun{}}
	var cur *modelRun
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		fail := func(err error) error {
			return fmt.Errorf("%s, line %d: %v (it is kept beside the weights it describes; -models with all four models writes a new one)", path, line, err)
		}
		switch {
		case line == 3:
			e.settings = text
		case strings.HasPrefix(text, "## "):
			cur = nil
			kind, took, err := parseHeading(text)
			if err != nil {
				return nil, fail(err)
			}
			if slices.Contains(trained, kind) {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, string(kind)+".safetensors")); err != nil {
				continue // the report described weights no longer there
			}
			cur = &modelRun{kind: kind, took: took}
		case cur != nil && strings.HasPrefix(text, carriedFrom):
			cur.settings = strings.TrimPrefix(text, carriedFrom)
			e.runs[cur.kind] = *cur
		case cur != nil && strings.HasPrefix(text, "| ") && text[2] >= '0' && text[2] <= '9':
			ep, err := parseEpoch(text, cur.kind)
			if err != nil {
				return nil, fail(err)
			}
			cur.hist = append(cur.hist, ep)
			e.runs[cur.kind] = *cur
		}
	}
	return e, sc.Err()
}

// carriedFrom opens the line of a model's section that says which run
// trained it, when that was not the run the report is of.
const carriedFrom = "Trained by an earlier run: "

// parseHeading reads "## KIND (DURATION of training epochs)".
func parseHeading(s string) (Kind, time.Duration, error) {
	name, rest, ok := strings.Cut(strings.TrimPrefix(s, "## "), " (")
	took, ok2 := strings.CutSuffix(rest, " of training epochs)")
	if !ok || !ok2 {
		return "", 0, fmt.Errorf("the heading %q is not \"## MODEL (TIME of training epochs)\"", s)
	}
	kind := Kind(name)
	if !slices.Contains(allKinds, kind) {
		return "", 0, fmt.Errorf("the heading %q names no model", s)
	}
	d, err := time.ParseDuration(took)
	if err != nil {
		return "", 0, fmt.Errorf("the heading %q: %v", s, err)
	}
	return kind, d, nil
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
// models of this run, with their outputs for the figure computed from
// their weights files in dir by the pure-Go engine.
func (e *earlier) add(rep *report, dir string) error {
	if len(e.runs) == 0 {
		return nil
	}
	size := rep.data.rows * rep.data.cols
	for kind, run := range e.runs {
		if kind == Reader {
			continue
		}
		f, err := weights.Read(filepath.Join(dir, string(kind)+".safetensors"))
		if err != nil {
			return err
		}
		ws := f.Model.NewWorkspace()
		run.outputs = make([]float32, figureDigits*size)
		if err := ws.Denoise(run.outputs, rep.data.testNoisy[:figureDigits*size]); err != nil {
			return fmt.Errorf("%s for the report's figure: %v", kind, err)
		}
		e.runs[kind] = run
	}
	for _, run := range e.runs {
		if run.settings == "" {
			run.settings = e.settings
		}
		rep.runs = append(rep.runs, run)
	}
	slices.SortStableFunc(rep.runs, func(a, b modelRun) int {
		return slices.Index(allKinds, a.kind) - slices.Index(allKinds, b.kind)
	})
	return nil
}
