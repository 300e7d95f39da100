package noise_test

import (
	"fmt"

	"github.com/godae/dae/noise"
)

// The training's noise, clip(x + 0.5·N(0,1), 0, 1), on a black image:
// about half of the pixels stay 0 (the noise below 0 is clipped), and the
// same seed draws the same noise on any machine.
func ExampleGaussian() {
	black := make([]float32, 28*28)
	a, b := make([]float32, len(black)), make([]float32, len(black))
	noise.Gaussian(a, black, 0.5, noise.New(1))
	noise.Gaussian(b, black, 0.5, noise.New(1))
	zeros := 0
	for _, v := range a {
		if v == 0 {
			zeros++
		}
	}
	fmt.Printf("%.0f %% of the pixels stay 0; drawn again alike: %v\n", 100*float64(zeros)/float64(len(a)), fmt.Sprint(a) == fmt.Sprint(b))
	// Output: 49 % of the pixels stay 0; drawn again alike: true
}
