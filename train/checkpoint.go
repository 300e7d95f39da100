//go:build gotch

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/weights"
)

// checkpoint is a model's training state after a whole epoch: enough to go
// on as if the run had never stopped.
type checkpoint struct {
	epoch  int
	step   int
	params map[string]nn.Tensor
	m, v   map[string][]float32
	hist   []Epoch
}

// Tensor name prefixes in a checkpoint file.
const (
	prefixParam = "param."
	prefixM     = "adam_m."
	prefixV     = "adam_v."
)

// fingerprint names everything that decides a model's training, so that a
// checkpoint is only resumed by the same run. (Threads are not in it: they
// change nothing but speed, though libtorch may round differently with
// another count.)
func (c Config) fingerprint(kind Kind) string {
	fp := fmt.Sprintf("model=%s arch=%s epochs=%d batch=%d lr=%g schedule=%s noise=%g seed=%d train-size=%d test-size=%d",
		kind, c.archOf(kind).JSON(), c.epochsOf(kind), c.Batch, c.LR, c.Schedule, c.Noise, c.Seed, c.TrainSize, c.TestSize)
	if kind == Strong {
		fp += " input=" + noise.BlindDescription // its damage, which may change between runs
	}
	return fp
}

func checkpointPath(dir string, kind Kind) string {
	return filepath.Join(dir, string(kind)+".checkpoint.safetensors")
}

// saveCheckpoint writes t's state atomically.
func saveCheckpoint(dir string, t *trainer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tensors := map[string]nn.Tensor{}
	for name, p := range t.opt.params {
		tensors[prefixParam+name] = p
		tensors[prefixM+name] = nn.Tensor{Shape: p.Shape, Data: t.opt.m[name]}
		tensors[prefixV+name] = nn.Tensor{Shape: p.Shape, Data: t.opt.v[name]}
	}
	hist, err := json.Marshal(t.hist)
	if err != nil {
		return err
	}
	data, err := weights.EncodeTensors(tensors, map[string]string{
		"fingerprint": t.cfg.fingerprint(t.kind),
		"epoch":       strconv.Itoa(t.epoch),
		"step":        strconv.Itoa(t.opt.step),
		"history":     string(hist),
	})
	if err != nil {
		return err
	}
	return renameio.WriteFile(checkpointPath(dir, t.kind), data, 0o644)
}

// loadCheckpoint reads the checkpoint of kind in dir: nil if there is none,
// an error if it is damaged or from another configuration.
func loadCheckpoint(dir string, cfg Config, kind Kind) (*checkpoint, error) {
	path := checkpointPath(dir, kind)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("checkpoint %s: %s; delete it (or pass -fresh) to start over", path, fmt.Sprintf(format, args...))
	}
	tensors, meta, err := weights.ParseTensors(data)
	if err != nil {
		return nil, bad("%v", err)
	}
	if fp := meta["fingerprint"]; fp != cfg.fingerprint(kind) {
		return nil, bad("it is from another configuration (%s)", fp)
	}
	ck := &checkpoint{params: map[string]nn.Tensor{}, m: map[string][]float32{}, v: map[string][]float32{}}
	if ck.epoch, err = strconv.Atoi(meta["epoch"]); err != nil {
		return nil, bad("epoch %q", meta["epoch"])
	}
	if ck.step, err = strconv.Atoi(meta["step"]); err != nil {
		return nil, bad("step %q", meta["step"])
	}
	if err := json.Unmarshal([]byte(meta["history"]), &ck.hist); err != nil || len(ck.hist) != ck.epoch {
		return nil, bad("its history does not match epoch %d", ck.epoch)
	}
	for name, t := range tensors {
		switch {
		case strings.HasPrefix(name, prefixParam):
			ck.params[strings.TrimPrefix(name, prefixParam)] = t
		case strings.HasPrefix(name, prefixM):
			ck.m[strings.TrimPrefix(name, prefixM)] = t.Data
		case strings.HasPrefix(name, prefixV):
			ck.v[strings.TrimPrefix(name, prefixV)] = t.Data
		}
	}
	if _, err := nn.New(cfg.archOf(kind), ck.params); err != nil {
		return nil, bad("%v", err)
	}
	for name, p := range ck.params {
		if len(ck.m[name]) != len(p.Data) || len(ck.v[name]) != len(p.Data) {
			return nil, bad("optimizer state for %q is missing or misshaped", name)
		}
	}
	return ck, nil
}
