package mnist

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func idx(magic uint32, dims []uint32, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	for _, d := range dims {
		b = binary.BigEndian.AppendUint32(b, d)
	}
	return append(b, data...)
}

func TestReadSmall(t *testing.T) {
	imgs := idx(imagesMagic, []uint32{2, 2, 2}, []byte{0, 255, 51, 0, 1, 2, 3, 4})
	labels := idx(labelsMagic, []uint32{2}, []byte{7, 3})
	s, err := Read(bytes.NewReader(imgs), bytes.NewReader(labels))
	require.NoError(t, err)
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []uint8{7, 3}, s.Labels)
	assert.Equal(t, []float32{0, 1, 0.2, 0}, s.Image(nil, 0))
}

func TestReadRejectsCorruptFiles(t *testing.T) {
	goodImgs := idx(imagesMagic, []uint32{2, 2, 2}, make([]byte, 8))
	goodLabels := idx(labelsMagic, []uint32{2}, []byte{1, 2})
	cases := map[string]struct {
		imgs, labels []byte
		msg          string
	}{
		"empty":       {nil, goodLabels, "images header: EOF"},
		"wrong magic": {idx(0x0801, []uint32{2, 2, 2}, nil), goodLabels, "magic number 0x00000801, want 0x00000803"},
		"huge count":  {idx(imagesMagic, []uint32{1 << 30, 28, 28}, nil), goodLabels, "out of range"},
		// Each field in range, a terabyte in all: refused before anything is allocated.
		"terabyte": {idx(imagesMagic, []uint32{1 << 20, 1024, 1024}, nil), idx(labelsMagic, []uint32{1 << 20}, nil),
			"declares 1048576 images of 1024×1024, 1048576 MiB of pixels; the limit is 256 MiB"},
		// A header that declares more than the file holds costs what the file holds.
		"short file":     {idx(imagesMagic, []uint32{60000, 28, 28}, make([]byte, 100)), idx(labelsMagic, []uint32{60000}, nil), "images file is truncated: 100 bytes of the 47040000 declared"},
		"count mismatch": {goodImgs, idx(labelsMagic, []uint32{3}, []byte{1, 2, 3}), "3 labels for 2 images"},
		"truncated":      {goodImgs[:len(goodImgs)-1], goodLabels, "images file is truncated"},
		"trailing":       {append(goodImgs, 0), goodLabels, "images file has data after the declared 2 items"},
		"bad label":      {goodImgs, idx(labelsMagic, []uint32{2}, []byte{1, 12}), "label 1 is 12"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(c.imgs), bytes.NewReader(c.labels))
			assert.ErrorContains(t, err, c.msg)
		})
	}
}

func TestLoadShippedMNIST(t *testing.T) {
	dir, err := DefaultDir()
	require.NoError(t, err)
	test, err := Load(dir, Test)
	require.NoError(t, err)
	assert.Equal(t, 10000, test.Len())
	assert.Equal(t, 28, test.Rows)
	assert.Equal(t, uint8(7), test.Labels[0], "the first test digit is a 7")

	_, err = Load(t.TempDir(), Test)
	assert.ErrorContains(t, err, "t10k-images-idx3-ubyte(.gz) not found")
}

// LoadFirst gives the first images of a split as Load does, and checks the
// headers as Load does.
func TestLoadFirst(t *testing.T) {
	dir, err := DefaultDir()
	require.NoError(t, err)
	all, err := Load(dir, Test)
	require.NoError(t, err)
	first, err := LoadFirst(dir, Test, 300)
	require.NoError(t, err)
	assert.Equal(t, 300, first.Len())
	assert.Equal(t, all.Labels[:300], first.Labels)
	assert.Equal(t, all.Pixels[:300*28*28], first.Pixels)

	whole, err := LoadFirst(dir, Test, 20000)
	require.NoError(t, err)
	assert.Equal(t, all, whole, "more than the split has is all of it")

	_, err = LoadFirst(dir, Split{Test.Prefix, 60000}, 300)
	assert.ErrorContains(t, err, "has 10000 images, want 60000")
}

// readFirst stops before the end of the streams: a file cut short after
// the images asked for is read, and one cut short before them is not.
func TestReadFirstStopsEarly(t *testing.T) {
	imgs := idx(imagesMagic, []uint32{3, 2, 2}, []byte{0, 255, 51, 0, 1, 2}) // 1.5 images of 3
	labels := idx(labelsMagic, []uint32{3}, []byte{7})                       // 1 label of 3
	s, declared, err := readFirst(bytes.NewReader(imgs), bytes.NewReader(labels), 1)
	require.NoError(t, err)
	assert.Equal(t, 3, declared)
	assert.Equal(t, []uint8{7}, s.Labels)
	_, _, err = readFirst(bytes.NewReader(imgs), bytes.NewReader(labels), 2)
	assert.ErrorContains(t, err, "truncated")
}

// FuzzRead: any pair of streams is read without a panic, and what is read
// holds together: the pixels of as many images as labels, each label a
// digit. (readN's memory follows the bytes there, not the header's count:
// TestReadRejectsCorruptFiles.)
func FuzzRead(f *testing.F) {
	f.Add(idx(imagesMagic, []uint32{2, 2, 2}, []byte{0, 255, 51, 0, 1, 2, 3, 4}), idx(labelsMagic, []uint32{2}, []byte{7, 3}))
	f.Add(idx(imagesMagic, []uint32{1, 28, 28}, make([]byte, 784)), idx(labelsMagic, []uint32{1}, []byte{9}))
	f.Add(idx(imagesMagic, []uint32{1 << 20, 1, 1}, nil), idx(labelsMagic, []uint32{1 << 20}, nil))
	f.Fuzz(func(t *testing.T, images, labels []byte) {
		s, err := Read(bytes.NewReader(images), bytes.NewReader(labels))
		if err != nil {
			return
		}
		require.Equal(t, s.Len()*s.Rows*s.Cols, len(s.Pixels))
		for i, l := range s.Labels {
			require.LessOrEqual(t, l, uint8(9), "label %d", i)
		}
	})
}
