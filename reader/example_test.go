package reader_test

import (
	"fmt"

	"github.com/godae/dae/mnist"
	"github.com/godae/dae/reader"
	"github.com/godae/dae/weights"
)

// The shipped digit reader reads the first MNIST test digit, a 7.
func Example() {
	f, err := weights.Read("../weights/classifier.safetensors")
	if err != nil {
		panic(err)
	}
	if err := reader.Check(f.Model); err != nil {
		panic(err)
	}
	dir, err := mnist.DefaultDir()
	if err != nil {
		panic(err)
	}
	test, err := mnist.Load(dir, mnist.Test)
	if err != nil {
		panic(err)
	}
	probs := make([]float32, reader.Digits)
	if err := f.Model.NewWorkspace().Encode(probs, test.Image(nil, 0)); err != nil {
		panic(err)
	}
	r := reader.Of(probs)
	fmt.Println("read as", r.Digit, "with over 90 % confidence:", r.P > 0.9)
	// Output: read as 7 with over 90 % confidence: true
}

// A reading is the most probable digit and its probability.
func ExampleOf() {
	fmt.Println(reader.Of([]float32{0.01, 0.02, 0.05, 0.01, 0.01, 0.01, 0.02, 0.8, 0.02, 0.05}))
	// Output: 7 (80 %)
}
