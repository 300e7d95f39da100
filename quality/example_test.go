package quality_test

import (
	"fmt"

	"github.com/godae/dae/quality"
)

// A 28×28 digit-like square, and a copy of it with one pixel lost: how
// close the copy is to it by each measure.
func ExampleMeasure() {
	const side = 28
	clean := make([]float32, side*side)
	for y := 8; y < 20; y++ {
		for x := 8; x < 20; x++ {
			clean[y*side+x] = 1
		}
	}
	test := append([]float32(nil), clean...)
	test[10*side+10] = 0
	s := quality.Measure(clean, test, side, side)
	fmt.Printf("PSNR %.1f dB, SSIM %.2f, BCE %.3f\n", s.PSNR, s.SSIM, s.BCE)
	fmt.Printf("the same picture: PSNR %.0f dB (the cap), SSIM %.0f\n", quality.PSNR(clean, clean), quality.SSIM(clean, clean, side, side))
	// Output:
	// PSNR 28.9 dB, SSIM 0.98, BCE 0.128
	// the same picture: PSNR 100 dB (the cap), SSIM 1
}
