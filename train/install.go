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

// install writes new weights to path, atomically, unless path already
// holds weights measured on the same test set that score better (higher
// PSNR or SSIM) and force is off: then the new weights go beside it as
// NAME.candidate.safetensors and path is left alone. It returns what it did.
func install(path string, data []byte, force bool) (string, error) {
	next, err := weights.Parse(data)
	if err != nil {
		return "", err
	}
	old, err := weights.Read(path)
	switch {
	case force || errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("%s exists but cannot be read (%v): move it away or pass -force", path, err)
	default:
		if worse, why := scoresWorse(next.Metadata, old.Metadata); worse {
			candidate := strings.TrimSuffix(path, ".safetensors") + ".candidate.safetensors"
			if err := renameio.WriteFile(candidate, data, 0o644); err != nil {
				return "", err
			}
			return fmt.Sprintf("kept %s: the new weights %s; they are in %s (pass -force to replace)", path, why, candidate), nil
		}
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
	for _, key := range []string{"test_psnr_db", "test_ssim"} {
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
