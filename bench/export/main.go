// Command export writes what the browser benchmark feeds every engine, from
// the shipped safetensors weights: the model as ONNX (for onnxruntime-web)
// and as layer weights in TF.js's layout, the same noisy test inputs for
// all, and the outputs of the pure-Go engine, which every engine must
// reproduce within 1e-4 before it is timed.
//
//	go run ./bench/export -out build/bench/site
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/godae/dae/evaluation"
	"github.com/godae/dae/internal/cli"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

func main() {
	in := flag.String("weights", "weights/dae.safetensors", "weights to export")
	strong := flag.String("strong", "weights/strong.safetensors", "the strong model's weights, for the Go engine only")
	out := flag.String("out", "build/bench/site", "folder to write to")
	n := flag.Int("n", 256, "noisy MNIST test images to feed the engines")
	flag.Parse()
	cli.NoArgs("export")
	if err := run(*in, *strong, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}

// tfLayer is one layer for the benchmark page to build with tf.layers.
type tfLayer struct {
	Kind       string    `json:"kind"`
	Filters    int       `json:"filters,omitempty"`
	Padding    string    `json:"padding,omitempty"`
	Activation string    `json:"activation,omitempty"`
	Kernel     []float32 `json:"kernel,omitempty"` // HWIO, as TF.js stores conv kernels
	Bias       []float32 `json:"bias,omitempty"`
}

func run(weightsPath, strongPath, out string, n int) error {
	if n < 1 || n > mnist.Test.Count {
		return fmt.Errorf("-n %d: must be between 1 and %d", n, mnist.Test.Count)
	}
	raw, f, err := load(weightsPath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	model, err := onnxModel(f.Arch, f.Tensors)
	if err != nil {
		return err
	}
	var layers []tfLayer
	specs := f.Arch.Params()
	for _, l := range append(append([]nn.Layer(nil), f.Arch.Encoder...), f.Arch.Decoder...) {
		t := tfLayer{Kind: string(l.Kind)}
		if l.Kind == nn.KindConv {
			w, b := f.Tensors[specs[0].Name], f.Tensors[specs[1].Name]
			specs = specs[2:]
			o, c := w.Shape[0], w.Shape[1]
			t.Filters, t.Padding, t.Activation, t.Bias = o, string(l.Padding), string(l.Activation), b.Data
			if l.Activation == nn.ActNone {
				t.Activation = "linear"
			}
			t.Kernel = make([]float32, len(w.Data))
			for oi := 0; oi < o; oi++ {
				for ci := 0; ci < c; ci++ {
					for k := 0; k < 9; k++ {
						t.Kernel[(k*c+ci)*o+oi] = w.Data[(oi*c+ci)*9+k] // OIHW → HWIO
					}
				}
			}
		}
		layers = append(layers, t)
	}
	tf, err := json.Marshal(map[string]any{"input": []int{f.Arch.Input.H, f.Arch.Input.W, f.Arch.Input.C}, "layers": layers})
	if err != nil {
		return err
	}

	dir, err := mnist.DefaultDir()
	if err != nil {
		return err
	}
	test, err := mnist.Load(dir, mnist.Test)
	if err != nil {
		return err
	}
	inputs := evaluation.TestSet(test, n, 0.5).Noisy
	expected, err := goOutputs(f, inputs)
	if err != nil {
		return err
	}
	rawStrong, strong, err := load(strongPath)
	if err != nil {
		return err
	}
	expectedStrong, err := goOutputs(strong, inputs)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"model.onnx":          model,
		"tfjs-layers.json":    tf,
		"inputs.bin":          floats(inputs),
		"expected.bin":        floats(expected),
		"dae.safetensors":     raw,
		"expected-strong.bin": floats(expectedStrong),
		"strong.safetensors":  rawStrong,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// load reads a weights file: its bytes, for the page, and the model.
func load(path string) ([]byte, *weights.File, error) {
	raw, err := cli.ReadFile(path, weights.MaxFileSize, "a weights file")
	if err != nil {
		return nil, nil, err
	}
	f, err := weights.Parse(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return raw, f, nil
}

// goOutputs is what the pure-Go engine makes of inputs with f's model.
func goOutputs(f *weights.File, inputs []float32) ([]float32, error) {
	out := make([]float32, len(inputs))
	err := f.Model.NewWorkspace().DenoiseBatch(out, inputs)
	return out, err
}

func floats(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}
