package weights_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// Write an architecture's parameters with the facts of where they came
// from, and read them back as a model ready to run.
func Example() {
	dir, err := os.MkdirTemp("", "weights-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "mine.safetensors")

	arch := nn.DefaultArch()
	params := nn.RandomParams(arch, 1) // in practice, what training gave
	if err := weights.Write(path, arch, params, map[string]string{"model": "an untrained example"}); err != nil {
		fmt.Println(err)
		return
	}

	f, err := weights.Read(path) // checks everything before it trusts it
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Metadata["model"], "—", len(f.Tensors), "tensors, code", f.Model.LatentShape())

	_, err = weights.Parse([]byte("not a weights file"))
	fmt.Println(err != nil)
	// Output:
	// an untrained example — 14 tensors, code 8×4×4
	// true
}
