package digitprep

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gifOf encodes frames of a GIF, each with its own palette when local.
func gifOf(t *testing.T, frames int, local bool) []byte {
	g := &gif.GIF{}
	for i := range frames {
		p := color.Palette(palette.Plan9)
		if local && i%2 == 1 {
			p = color.Palette{color.Black, color.White, color.Gray{Y: 128}}
		}
		img := image.NewPaletted(image.Rect(0, 0, 30, 20), p)
		img.SetColorIndex(i, i, 1)
		g.Image = append(g.Image, img)
		g.Delay = append(g.Delay, 50)
	}
	var b bytes.Buffer
	require.NoError(t, gif.EncodeAll(&b, g))
	return b.Bytes()
}

// apngOf is a PNG with an animation control chunk of frames frames after
// its header, as APNG writes one.
func apngOf(t *testing.T, frames uint32) []byte {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))))
	p := b.Bytes()
	const afterIHDR = 8 + 12 + 13
	ac := binary.BigEndian.AppendUint32(nil, 8)
	ac = append(ac, "acTL"...)
	ac = binary.BigEndian.AppendUint32(ac, frames)
	ac = binary.BigEndian.AppendUint32(ac, 0) // plays for ever
	ac = binary.BigEndian.AppendUint32(ac, crc32.ChecksumIEEE(ac[4:]))
	return append(append(append([]byte(nil), p[:afterIHDR]...), ac...), p[afterIHDR:]...)
}

func TestAnimated(t *testing.T) {
	still, err := os.ReadFile("testdata/seven.webp")
	require.NoError(t, err)
	animatedWebP := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x12\x00\x00\x00"), make([]byte, 6)...) // flags: alpha (0x10) and animation (0x02)
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"a GIF of one frame", gifOf(t, 1, false), false},
		{"a GIF of three frames", gifOf(t, 3, false), true},
		{"a GIF of two frames, the second with its own palette", gifOf(t, 2, true), true},
		{"an APNG of one frame", apngOf(t, 1), false},
		{"an APNG of four frames", apngOf(t, 4), true},
		{"a still WebP", still, false},
		{"an animated WebP", animatedWebP, true},
		{"a JPEG", encode(t, image.NewGray(image.Rect(0, 0, 8, 8)), "jpeg"), false},
		{"nothing", nil, false},
	} {
		assert.Equal(t, c.want, Animated(c.data), c.name)
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))))
	assert.False(t, Animated(b.Bytes()), "a PNG")
	_, err = png.Decode(bytes.NewReader(apngOf(t, 4)))
	require.NoError(t, err, "the test's APNG is a PNG still")
	_, err = gif.DecodeAll(bytes.NewReader(gifOf(t, 2, true)))
	require.NoError(t, err)

	// Files cut short, or changed at random, are walked without a panic
	// (a length that runs past the end ends the walk).
	r := rand.New(rand.NewPCG(3, 4))
	for _, data := range [][]byte{gifOf(t, 3, true), apngOf(t, 4), animatedWebP} {
		for n := range len(data) {
			Animated(data[:n])
		}
		for range 2000 {
			d := append([]byte(nil), data...)
			for range 1 + r.IntN(4) {
				d[r.IntN(len(d))] = byte(r.IntN(256))
			}
			Animated(d)
		}
	}
}
