package nn_test

import (
	"fmt"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// Load the shipped denoising autoencoder and clean one image: a "1" drawn
// as a vertical bar with a stray dot of noise in the corner.
func Example() {
	f, err := weights.Read("../weights/dae.safetensors")
	if err != nil {
		fmt.Println(err)
		return
	}
	m := f.Model
	img := make([]float32, m.InputShape().Len()) // 1×28×28, row-major, values in [0,1]
	for y := 6; y < 22; y++ {
		img[y*28+13], img[y*28+14] = 1, 1
	}
	img[2*28+2] = 1 // noise

	ws := m.NewWorkspace() // one per goroutine; it allocates nothing after this
	out := make([]float32, len(img))
	if err := ws.Denoise(out, img); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.InputShape(), "→ code", m.LatentShape())
	fmt.Printf("stroke %.1f, noise %.1f\n", out[14*28+13], out[2*28+2])
	// Output:
	// 1×28×28 → code 8×4×4
	// stroke 0.9, noise 0.0
}

// An architecture is data: build one, check it, and see its shapes.
func ExampleArch_Shapes() {
	a := nn.DefaultArch()
	shapes, err := a.Shapes()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(a.Encoder)+len(a.Decoder), "layers,", a.NumParams(), "parameters")
	fmt.Println("input", shapes[0], "code", shapes[len(a.Encoder)], "output", shapes[len(shapes)-1])
	// Output:
	// 13 layers, 4385 parameters
	// input 1×28×28 code 8×4×4 output 1×28×28
}

// PyTorch writes the module a model's weights files load into with
// load_state_dict(strict=True): here the seed's denoising autoencoder.
func ExampleArch_PyTorch() {
	fmt.Print("import torch.nn as nn\n" + nn.DefaultArch().PyTorch("AE"))
	// Output:
	// import torch.nn as nn
	// class AE(nn.Module):
	//     def __init__(self):
	//         super().__init__()
	//         self.encoder = nn.Sequential(
	//             nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True),
	//             nn.Conv2d(16, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True),
	//             nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True))
	//         self.decoder = nn.Sequential(
	//             nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
	//             nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
	//             nn.Conv2d(8, 16, 3), nn.ReLU(), nn.Upsample(scale_factor=2),
	//             nn.Conv2d(16, 1, 3, padding=1), nn.Sigmoid())
	//     def forward(self, x):
	//         return self.decoder(self.encoder(x))
}
