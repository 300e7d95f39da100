//go:build gotch

package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/godae/dae/weights"
)

// install writes new weights to path, atomically, unless judge says to
// keep what is there: then the new weights go beside it as
// NAME.candidate.safetensors. It returns what it did, and whether it kept
// the old weights.
func install(path string, data []byte, force bool) (msg string, kept bool, err error) {
	keep, why, err := judge(path, data, force)
	if err != nil {
		return "", false, err
	}
	msg, err = put(path, data, keep, "the new weights "+why)
	return msg, keep, err
}

// judge says whether the weights in path should stay rather than be
// replaced by data: when they were measured on the same test set and score
// better (higher PSNR or SSIM; for the digit reader, higher accuracy), or
// cannot be compared, and force is off.
// why says how the new ones compare.
func judge(path string, data []byte, force bool) (keep bool, why string, err error) {
	next, err := weights.Parse(data)
	if err != nil {
		return false, "", err
	}
	old, err := weights.Read(path)
	switch {
	case force || errors.Is(err, os.ErrNotExist):
		return false, "", nil
	case err != nil:
		return false, "", fmt.Errorf("%s exists but cannot be read (%v): move it away or pass -force", path, err)
	}
	keep, why = scoresWorse(next.Metadata, old.Metadata)
	return keep, why, nil
}

// put writes data to path, or with keep beside it as
// NAME.candidate.safetensors, and says what it did.
func put(path string, data []byte, keep bool, why string) (string, error) {
	if keep {
		candidate := strings.TrimSuffix(path, ".safetensors") + ".candidate.safetensors"
		if err := renameio.WriteFile(candidate, data, 0o644); err != nil {
			return "", err
		}
		return fmt.Sprintf("kept %s: %s; the new weights are in %s (pass -force to replace)", path, why, candidate), nil
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return "", err
	}
	return "wrote " + path, nil
}

// scoresWorse reports whether the new metadata's test scores are below the
// old ones', and says how. Weights measured on another test set, or without
// scores, cannot be compared: then only -force replaces them.
func scoresWorse(next, old map[string]string) (bool, string) {
	if old["test_set"] != next["test_set"] {
		return true, fmt.Sprintf("were measured on another test set than the existing ones (%q)", old["test_set"])
	}
	keys := []string{"test_psnr_db", "test_ssim"}
	if _, ok := next["test_accuracy"]; ok {
		keys = []string{"test_accuracy"}
	}
	for _, key := range keys {
		o, err1 := strconv.ParseFloat(old[key], 64)
		n, err2 := strconv.ParseFloat(next[key], 64)
		if err1 != nil || err2 != nil {
			return true, fmt.Sprintf("cannot be compared with the existing ones (%s missing)", key)
		}
		if n < o {
			return true, fmt.Sprintf("score worse (%s %.4f, the existing ones %.4f)", key, n, o)
		}
	}
	return false, ""
}
