package evaluation

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/google/renameio/v2"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/noise"
)

// TunedFile is where the classical methods' tuned parameters are kept,
// beside the weights they are compared with (relative to the repository).
const TunedFile = "weights/classical.json"

// Tuned is the parameter each classical method was given by [Tune] on
// the tuning set ([TuningSet]: the first Images training digits with
// Gaussian noise of factor Noise, drawn from Seed). Tuning takes longer
// than measuring, so it is done once (make eval ARGS=-retune) and kept in
// TunedFile; a test checks that tuning again gives the same parameters.
type Tuned struct {
	Noise  float64            `json:"noise"`
	Images int                `json:"images"`
	Seed   uint64             `json:"seed"`
	Params map[string]float64 `json:"params"` // by method name
}

// TuneAll tunes every classical method on the first n noisy training
// digits of set.
func TuneAll(set *mnist.Set, n int, factor float64) Tuned {
	d := TuningSet(set, n, factor)
	t := Tuned{Noise: factor, Images: d.Len(), Seed: noise.TestSeed + 1, Params: map[string]float64{}}
	for _, m := range classic.Methods {
		t.Params[m.Name] = Tune(m, d)
	}
	return t
}

// ReadTuned reads tuned parameters from path and checks that they name
// every classical method with a value of its grid.
func ReadTuned(path string) (Tuned, error) {
	var t Tuned
	data, err := os.ReadFile(path)
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal(data, &t); err != nil {
		return t, fmt.Errorf("%s: %w", path, err)
	}
	for _, m := range classic.Methods {
		p, ok := t.Params[m.Name]
		if !ok {
			return t, fmt.Errorf("%s: no parameter for %s (run make eval ARGS=-retune)", path, m.Name)
		}
		if !slices.Contains(m.Grid, p) {
			return t, fmt.Errorf("%s: %s = %g is not in its grid %v (run make eval ARGS=-retune)", path, m.Param, p, m.Grid)
		}
	}
	return t, nil
}

// Write writes t to path atomically.
func (t Tuned) Write(path string) error {
	data, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	return renameio.WriteFile(path, append(data, '\n'), 0o644)
}
