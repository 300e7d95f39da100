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

// The reader's sums before its softmax (nn.Model.Logits) give the same
// reading, and a score: how much of the digit it sees. A clean MNIST
// digit scores far over Faint.
func ExampleOfSums() {
	f, err := weights.Read("../weights/classifier.safetensors")
	if err != nil {
		panic(err)
	}
	sums, ok := f.Model.Logits()
	if !ok {
		panic("the reader does not end in a softmax")
	}
	dir, err := mnist.DefaultDir()
	if err != nil {
		panic(err)
	}
	test, err := mnist.LoadFirst(dir, mnist.Test, 1)
	if err != nil {
		panic(err)
	}
	z := make([]float32, reader.Digits)
	if err := sums.NewWorkspace().Encode(z, test.Image(nil, 0)); err != nil {
		panic(err)
	}
	r := reader.OfSums(z)
	fmt.Println("read as", r.Digit, "scoring over Faint:", r.Score > reader.Faint)
	// Output: read as 7 scoring over Faint: true
}
