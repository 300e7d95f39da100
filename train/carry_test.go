//go:build gotch

package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		if epochRow(l) {
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

	// What cannot be carried stops the run before it trains: a table
	// that does not read back, no report at all.
	installed, err := os.ReadFile(filepath.Join(out, "ae.safetensors"))
	require.NoError(t, err)
	broken := strings.Replace(report, "| 1 |", "| 1 | x |", 1)
	require.NoError(t, os.WriteFile(filepath.Join(out, reportFile), []byte(broken), 0o644))
	_, err = run(context.Background(), cfg, ae)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "report.md, line")
	require.NoError(t, os.Remove(filepath.Join(out, reportFile)))
	_, err = run(context.Background(), cfg, ae)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no report.md")
	now, err := os.ReadFile(filepath.Join(out, "ae.safetensors"))
	require.NoError(t, err)
	assert.Equal(t, installed, now, "nothing was trained or installed")
}

// The shipped report reads back: a run of any one model into weights/
// carries the other three sections, each of the weights beside it.
func TestShippedReportReadsBack(t *testing.T) {
	for _, trained := range allKinds {
		e, err := readEarlier("../weights", []Kind{trained})
		require.NoError(t, err, trained)
		require.Len(t, e.runs, 3, trained)
		for _, run := range e.runs {
			assert.NotEqual(t, trained, run.kind)
			assert.Positive(t, run.took, run.kind)
			assert.Contains(t, run.settings, "Test set: MNIST test set", run.kind)
			assert.NotEmpty(t, run.input, run.kind)
		}
	}
}
