package weights

import (
	"os"
	"testing"

	"github.com/godae/dae/nn"
)

// FuzzParse feeds arbitrary bytes to the loader: it must return a model or
// an error, never panic, and a model it returns must run. The container
// must be read as the reference safetensors library reads it.
func FuzzParse(f *testing.F) {
	good, err := Encode(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1), map[string]string{"k": "v"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Add([]byte("\x02\x00\x00\x00\x00\x00\x00\x00{}"))
	if golden, err := os.ReadFile("../nn/testdata/golden.safetensors"); err == nil {
		f.Add(golden)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstReference(t, data)
		file, err := Parse(data)
		if err != nil {
			return
		}
		in := make([]float32, file.Arch.Input.Len())
		out := make([]float32, len(in))
		if err := file.Model.NewWorkspace().Denoise(out, in); err != nil {
			t.Fatalf("a parsed model failed to run: %v", err)
		}
	})
}
