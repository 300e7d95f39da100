package weights

import (
	"bytes"
	"encoding/binary"
	"maps"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
)

func encodeDefault(t *testing.T) []byte {
	data, err := Encode(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 7), map[string]string{"note": "test"})
	require.NoError(t, err)
	return data
}

func TestWriteReadRoundTripIsBitExact(t *testing.T) {
	a := nn.DefaultArch()
	params := nn.RandomParams(a, 7)
	path := filepath.Join(t.TempDir(), "w.safetensors")
	require.NoError(t, Write(path, a, params, map[string]string{"epochs": "3"}))
	f, err := Read(path)
	require.NoError(t, err)
	assert.Equal(t, a, f.Arch)
	assert.Equal(t, params, f.Tensors)
	assert.Equal(t, "3", f.Metadata["epochs"])
	assert.Equal(t, a.JSON(), f.Metadata[ArchKey])
	require.NotNil(t, f.Model)

	again, err := Encode(a, f.Tensors, map[string]string{"epochs": "3"})
	require.NoError(t, err)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, raw, again, "encoding is deterministic")
}

func TestWriteIsAtomicAndLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.safetensors")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	bad := nn.RandomParams(nn.DefaultArch(), 1)
	delete(bad, "encoder.0.bias")
	require.Error(t, Write(path, nn.DefaultArch(), bad, nil))
	old, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(old), "a failed write leaves the old file")
	require.NoError(t, Write(path, nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1), nil))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}

func TestEncodeRejectsReservedKey(t *testing.T) {
	_, err := Encode(nn.DefaultArch(), nn.RandomParams(nn.DefaultArch(), 1), map[string]string{ArchKey: "x"})
	assert.EqualError(t, err, `metadata key "arch" is reserved for the architecture`)
}

// withHeader rebuilds a file from good data with its JSON header replaced.
func withHeader(data []byte, header string) []byte {
	n := binary.LittleEndian.Uint64(data)
	out := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	out = append(out, header...)
	return append(out, data[8+n:]...)
}

func header(data []byte) string {
	n := binary.LittleEndian.Uint64(data)
	return string(data[8 : 8+n])
}

func TestParseRejectsBadFiles(t *testing.T) {
	good := encodeDefault(t)
	h := header(good)
	replace := func(old, new string) []byte {
		require.Contains(t, h, old)
		return withHeader(good, strings.Replace(h, old, new, 1))
	}
	cases := map[string]struct {
		data []byte
		msg  string
	}{
		"empty":          {nil, "not a safetensors file: 0 bytes"},
		"png":            {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a safetensors file: this is a PNG image"},
		"jpeg":           {[]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "not a safetensors file: this is a JPEG image"},
		"torch.save":     {[]byte("PK\x03\x04\x00\x00\x08\x08archive/data.pkl"), "a zip archive, as PyTorch's torch.save writes (.pt, .pth): save the state dict with safetensors.torch.save_file instead"},
		"huge header":    {append(binary.LittleEndian.AppendUint64(nil, 1<<21), make([]byte, 1<<21)...), "the header declares 2097152 bytes, more than the 1048576 allowed"},
		"text":           {[]byte("these are not weights but words"), "not a safetensors file: its first bytes are not a header's length"},
		"truncated":      {good[:len(good)/2], "invalid safetensors file: file is truncated: its tensors take"},
		"bytes after":    {append(bytes.Clone(good), 0, 0, 0, 0), "17544 bytes follow the header, 4 more than its tensors take"},
		"header cut":     {good[:100], "file is truncated: the header declares"},
		"not json":       {withHeader(good, "[1,2,3]"), "the header is not a JSON object"},
		"broken json":    {withHeader(good, "{\"a\":"), "invalid safetensors file"},
		"f16":            {replace(`"dtype":"F32","shape":[16]`, `"dtype":"F16","shape":[32]`), `dtype F16; only F32 is supported (in PyTorch, a model's float() tensors)`},
		"no arch":        {replace(`"arch":`, `"arhc":`), `has no "arch" entry`},
		"bad arch":       {replace(`\"kind\":\"upsample\"`, `\"kind\":\"upsampel\"`), `invalid architecture in __metadata__: decoder layer 1 (upsampel)`},
		"overlap":        {replace(`"data_offsets":[0,`, `"data_offsets":[4,`), "invalid safetensors file"},
		"misshaped":      {replace(`"shape":[16]`, `"shape":[4,4]`), `tensor "decoder.6.bias" has shape [4 4], the architecture needs [16]`},
		"renamed tensor": {replace(`"decoder.9.bias"`, `"decoder.9.b"`), `tensor "decoder.9.bias" is missing`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(c.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}

func TestParseRejectsNaN(t *testing.T) {
	a := nn.DefaultArch()
	p := nn.RandomParams(a, 1)
	data, err := Encode(a, p, nil)
	require.NoError(t, err)
	// Overwrite the first value of the data section with a NaN.
	n := binary.LittleEndian.Uint64(data)
	binary.LittleEndian.PutUint32(data[8+n:], math.Float32bits(float32(math.NaN())))
	_, err = Parse(data)
	assert.ErrorContains(t, err, "has the non-finite value NaN at index 0")
}

func TestReadRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.safetensors")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxFileSize+1))
	require.NoError(t, f.Close())
	_, err = Read(path)
	assert.ErrorContains(t, err, "larger than the 64 MiB limit")
}

// Writing the shipped files again gives them byte for byte: the writer and
// Arch.JSON write what wrote them.
func TestShippedFilesRoundTrip(t *testing.T) {
	for _, name := range []string{"dae", "ae"} {
		path := filepath.Join("..", "weights", name+".safetensors")
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		f, err := Parse(raw)
		require.NoError(t, err)
		meta := maps.Clone(f.Metadata)
		delete(meta, ArchKey)
		again, err := Encode(f.Arch, f.Tensors, meta)
		require.NoError(t, err)
		assert.Equal(t, raw, again, name)
	}
}

// A deeply nested header gives a message a person can read.
func TestNestedHeaderErrorIsShort(t *testing.T) {
	header := `{"a":` + strings.Repeat("[", 10000)
	data := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	_, err := Parse(append(data, header...))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 400)
	assert.Contains(t, err.Error(), "exceeds 300")
}

// A tensor name that is not UTF-8 is refused: encoding/json, and so the
// reference reader, would read it as another name (U+FFFD for the bad byte).
func TestHeaderMustBeUTF8(t *testing.T) {
	header := "{\"dec\xffweight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}"
	data := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	data = append(append(data, header...), 0, 0, 0, 0)
	_, _, err := ParseTensors(data)
	assert.ErrorContains(t, err, "not UTF-8")
}

// A name or metadata with an escaped lone surrogate is refused: fastjson
// and encoding/json (the reference reader) would decode it differently.
func TestLoneSurrogateIsRefused(t *testing.T) {
	for _, header := range []string{
		`{"dec\ud800x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`,
		`{"__metadata__":{"a":"\udc00"},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`,
	} {
		data := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
		data = append(append(data, header...), 0, 0, 0, 0)
		_, _, err := ParseTensors(data)
		assert.ErrorContains(t, err, "not part of a pair", header)
	}
	// A surrogate pair is a character, and fine.
	header := `{"\ud83d\ude00":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`
	data := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	data = append(append(data, header...), 0, 0, 0, 0)
	checkAgainstReference(t, data)
	_, _, err := ParseTensors(data)
	assert.NoError(t, err)
}

// A valid file whose header length begins with the bytes of another
// format's magic (0x80 0x02, a pickle's, for a length of 640 modulo 65,536)
// loads: the format is named only for files that are not safetensors.
func TestMagicBytesInAValidHeaderLength(t *testing.T) {
	data, err := os.ReadFile("../nn/testdata/golden.safetensors")
	require.NoError(t, err)
	n := binary.LittleEndian.Uint64(data)
	header := data[8 : 8+n]
	pad := (640 - int(n)%65536 + 65536) % 65536
	padded := binary.LittleEndian.AppendUint64(nil, n+uint64(pad))
	padded = append(padded, header...)
	padded = append(padded, bytes.Repeat([]byte(" "), pad)...)
	padded = append(padded, data[8+n:]...)
	require.Equal(t, []byte{0x80, 0x02}, padded[:2])
	_, err = Parse(padded)
	assert.NoError(t, err)
}
