package digitprep_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/godae/dae/digitprep"
)

// Prepare a photo-like upload: a dark "1" on light paper, far larger than
// 28×28 and off-centre. Prepare inverts it to MNIST's light-on-dark,
// crops it to the ink, scales its longer side to 20 pixels and centres it
// by centre of mass.
func ExamplePrepare() {
	img := image.NewGray(image.Rect(0, 0, 300, 200))
	for i := range img.Pix {
		img.Pix[i] = 230 // paper
	}
	for y := 40; y < 160; y++ {
		for x := 60; x < 80; x++ {
			img.SetGray(x, y, color.Gray{Y: 20}) // ink
		}
	}
	var file bytes.Buffer
	if err := png.Encode(&file, img); err != nil {
		fmt.Println(err)
		return
	}

	decoded, err := digitprep.Decode(file.Bytes()) // checks the size from the header first
	if err != nil {
		fmt.Println(err)
		return
	}
	in, info, err := digitprep.Prepare(decoded)
	if err != nil {
		fmt.Println(err)
		return
	}
	rows := 0
	for y := 0; y < digitprep.Side; y++ {
		if in[y*digitprep.Side+digitprep.Side/2] > 0.5 {
			rows++
		}
	}
	fmt.Printf("%d values, inverted %v, %d ink rows in the middle column\n", len(in), info.Inverted, rows)
	// Output:
	// 784 values, inverted true, 20 ink rows in the middle column
}
