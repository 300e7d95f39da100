package digitprep

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"testing"

	"github.com/godae/dae/internal/hostile"
)

// FuzzUpload feeds arbitrary bytes through Animated, Decode and Prepare:
// they must return an error or a 28×28 input in [0,1], never panic; the
// page asks Animated of every file it is given.
func FuzzUpload(f *testing.F) {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 37)
	}
	if err := png.Encode(&b, img); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	if webp, err := os.ReadFile("testdata/seven.webp"); err == nil {
		f.Add(webp)
	}
	f.Add([]byte("GIF89a"))
	var anim bytes.Buffer // two frames, for Animated's walk over a GIF's blocks
	frame := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White})
	if err := gif.EncodeAll(&anim, &gif.GIF{Image: []*image.Paletted{frame, frame}, Delay: []int{10, 10}}); err != nil {
		f.Fatal(err)
	}
	f.Add(anim.Bytes())
	f.Add(hostile.ProgressiveJPEG(64, 48, 3))
	f.Fuzz(func(t *testing.T, data []byte) {
		Animated(data)
		img, err := Decode(data)
		if err != nil {
			return
		}
		in, _, err := Prepare(img)
		if err != nil {
			return
		}
		if len(in) != Side*Side {
			t.Fatalf("input has %d values", len(in))
		}
		for i, v := range in {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("value %d is %v, outside [0,1]", i, v)
			}
		}
	})
}
