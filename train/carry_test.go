//go:build gotch

package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/weights"
)

// section is the part of a report from "## kind" to the next heading.
func section(report string, kind Kind) string {
	_, rest, ok := strings.Cut(report, "\n## "+string(kind)+" (")
	if !ok {
		return ""
	}
	s, _, _ := strings.Cut(rest, "\n## ")
	return s
}

// tableRows are the lines of a section's table that hold an epoch.
func tableRows(s string) []string {
	var rows []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "| ") && l[2] >= '0' && l[2] <= '9' {
			rows = append(rows, l)
		}
	}
	return rows
}

// A run that trains some of the models (-models) writes a report of every
// model in its folder: the others' sections come from the report before,
// their tables unchanged and marked as trained by an earlier run, in the
// report's order; and a report it cannot read back stops the run before
// any training.
func TestReportKeepsTheModelsNotTrained(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	out := t.TempDir()
	_, err := run(context.Background(), shortConfig(), opts(t, out, "dae,ae"))
	require.NoError(t, err)
	first, err := os.ReadFile(filepath.Join(out, reportFile))
	require.NoError(t, err)
	settings := strings.Split(string(first), "\n")[2]

	cfg := shortConfig()
	cfg.Epochs = 3
	ae := opts(t, out, "ae")
	ae.force = true // installed even if it scores worse
	_, err = run(context.Background(), cfg, ae)
	require.NoError(t, err)
	second, err := os.ReadFile(filepath.Join(out, reportFile))
	require.NoError(t, err)
	report := string(second)
	dae, own := section(report, Denoising), section(report, Plain)
	require.NotEmpty(t, dae, "the DAE's section is kept:\n%s", report)
	require.NotEmpty(t, own)
	assert.Less(t, strings.Index(report, "## dae"), strings.Index(report, "## ae"), "the report's order")
	assert.Contains(t, dae, carriedFrom+settings)
	assert.NotContains(t, own, carriedFrom)
	assert.Equal(t, tableRows(section(string(first), Denoising)), tableRows(dae))
	assert.Len(t, tableRows(own), 3, "the new run's own table")

	// Once more: a section carried already keeps the settings of the run
	// that trained it.
	_, err = run(context.Background(), cfg, ae)
	require.NoError(t, err)
	third, err := os.ReadFile(filepath.Join(out, reportFile))
	require.NoError(t, err)
	assert.Contains(t, section(string(third), Denoising), carriedFrom+settings)

	broken := strings.Replace(report, "| 1 |", "| 1 | x |", 1)
	require.NoError(t, os.WriteFile(filepath.Join(out, reportFile), []byte(broken), 0o644))
	_, err = run(context.Background(), cfg, ae)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "report.md, line")
}

// The shipped report reads back: a run of one model into weights/ keeps
// the other three sections, every epoch of them.
func TestShippedReportReadsBack(t *testing.T) {
	e, err := readEarlier("../weights", []Kind{Strong})
	require.NoError(t, err)
	assert.NotEmpty(t, e.settings)
	for _, kind := range []Kind{Denoising, Plain, Reader} {
		f, err := weights.Read(filepath.Join("../weights", string(kind)+".safetensors"))
		require.NoError(t, err)
		run, ok := e.runs[kind]
		require.True(t, ok, kind)
		assert.Len(t, run.hist, mustAtoi(t, f.Metadata["epochs"]), kind)
		assert.Positive(t, run.took, kind)
		last := run.hist[len(run.hist)-1]
		if kind == Reader {
			assert.InDelta(t, mustFloat(t, f.Metadata["test_accuracy"]), last.Accuracy, 0.00005, kind)
		} else {
			assert.InDelta(t, mustFloat(t, f.Metadata["test_psnr_db"]), last.Test.PSNR, 0.005, kind)
		}
	}
	assert.NotContains(t, e.runs, Strong)
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

func mustFloat(t *testing.T, s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}
