package weights

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"github.com/nlpodyssey/safetensors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
)

// checkAgainstReference holds ParseTensors to the safetensors library that
// writes our files: whatever ParseTensors accepts, the library must accept
// with the same tensors and metadata. (ParseTensors may refuse more: F32
// only, no trailing data after the JSON, no repeated names.)
func checkAgainstReference(t *testing.T, data []byte) {
	t.Helper()
	tensors, meta, err := ParseTensors(data)
	if err != nil {
		return
	}
	st, err := safetensors.Deserialize(data)
	require.NoError(t, err, "ParseTensors accepted a file the reference refuses")
	_, refMeta, err := safetensors.ReadMetadata(data)
	require.NoError(t, err)
	want := refMeta.Metadata()
	if want == nil {
		want = map[string]string{}
	}
	assert.Equal(t, want, meta)
	require.Len(t, st.Tensors(), len(tensors))
	for _, ref := range st.Tensors() {
		got, ok := tensors[ref.Name]
		require.True(t, ok, "tensor %q", ref.Name)
		shape := make([]uint64, len(got.Shape))
		for i, d := range got.Shape {
			shape[i] = uint64(d)
		}
		assert.Equal(t, ref.TensorView.Shape(), shape, "tensor %q", ref.Name)
		raw := ref.TensorView.Data()
		require.Len(t, raw, 4*len(got.Data))
		for i, v := range got.Data {
			assert.Equal(t, binary.LittleEndian.Uint32(raw[4*i:]), mathBits(v), "tensor %q value %d", ref.Name, i)
		}
	}
}

// withJSON makes a file of a header and a data section.
func withJSON(header string, data []byte) []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	return append(append(b, header...), data...)
}

func TestParseTensorsAgreesWithTheReference(t *testing.T) {
	eight := make([]byte, 8)
	accept := map[string][]byte{
		"written by us":   encodeDefault(t),
		"two tensors":     withJSON(`{"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}`, eight),
		"metadata":        withJSON(`{"__metadata__":{"x":"y","arch":"{}"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, eight),
		"no tensors":      withJSON(`{}`, nil),
		"spaces":          withJSON("{ \"a\" : { \"shape\" : [ 2 ] , \"dtype\" : \"F32\" , \"data_offsets\" : [ 0 , 8 ] } } ", eight),
		"escaped name":    withJSON(`{"\u0061\n":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, eight),
		"zero-size shape": withJSON(`{"a":{"dtype":"F32","shape":[0,5],"data_offsets":[0,0]}}`, nil),
	}
	for name, data := range accept {
		t.Run(name, func(t *testing.T) {
			_, _, err := ParseTensors(data)
			require.NoError(t, err)
			checkAgainstReference(t, data)
		})
	}
	refuse := map[string][]byte{
		"gap":              withJSON(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, eight),
		"short data":       withJSON(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, eight),
		"size mismatch":    withJSON(`{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}`, eight),
		"extra key":        withJSON(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],"x":1}}`, eight),
		"missing key":      withJSON(`{"a":{"dtype":"F32","shape":[2]}}`, eight),
		"negative":         withJSON(`{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}`, eight),
		"fraction":         withJSON(`{"a":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}}`, eight),
		"exponent":         withJSON(`{"a":{"dtype":"F32","shape":[2e0],"data_offsets":[0,8]}}`, eight),
		"overflow":         withJSON(`{"a":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,0]}}`, nil),
		"three offsets":    withJSON(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8,8]}}`, eight),
		"unknown dtype":    withJSON(`{"a":{"dtype":"F31","shape":[2],"data_offsets":[0,8]}}`, eight),
		"f16":              withJSON(`{"a":{"dtype":"F16","shape":[4],"data_offsets":[0,8]}}`, eight),
		"metadata number":  withJSON(`{"__metadata__":{"x":1}}`, nil),
		"repeated name":    withJSON(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, eight),
		"trailing data":    withJSON(`{} x`, nil),
		"tensor not obj":   withJSON(`{"a":[1,2,3]}`, nil),
		"overlap":          withJSON(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, eight),
		"reversed offsets": withJSON(`{"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}`, eight),
	}
	for name, data := range refuse {
		t.Run(name, func(t *testing.T) {
			_, _, err := ParseTensors(data)
			assert.Error(t, err)
		})
	}
	// The reference reads the repeated name and trailing-data files; those
	// are the only places where ParseTensors is stricter.
	for name, data := range refuse {
		_, err := safetensors.Deserialize(data)
		if err == nil {
			assert.True(t, slices.Contains([]string{"repeated name", "trailing data", "f16"}, name), "%s: the reference accepts it", name)
		}
	}
}

func mathBits(v float32) uint32 { return math.Float32bits(v) }

// Our writer writes what the reference writes, byte for byte, whatever the
// names, shapes and metadata.
func TestEncodeTensorsWritesWhatTheReferenceWrites(t *testing.T) {
	odd := "<a & b> \"q\" \\ \b\f\n\r\t\x01\x1f é → \u2028\u2029 \xff\xfe end"
	for name, tc := range map[string]struct {
		tensors map[string]nn.Tensor
		meta    map[string]string
	}{
		"weights":     {nn.RandomParams(nn.DefaultArch(), 3), map[string]string{ArchKey: nn.DefaultArch().JSON(), "model": "x"}},
		"no metadata": {map[string]nn.Tensor{"b": {Shape: []int{2}, Data: []float32{1, 2}}, "a": {Shape: []int{1, 1}, Data: []float32{3}}}, nil},
		"odd strings": {map[string]nn.Tensor{odd: {Shape: []int{1, 1}, Data: []float32{-0}}, "Z": {Shape: []int{0}, Data: nil}},
			map[string]string{odd: odd, "": "", "_": "__metadata", "~": "<script>"}},
	} {
		got, err := EncodeTensors(tc.tensors, tc.meta)
		require.NoError(t, err, name)
		views := map[string]safetensors.TensorView{}
		for k, v := range tc.tensors {
			raw := make([]byte, 0, 4*len(v.Data))
			for _, f := range v.Data {
				raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(f))
			}
			shape := make([]uint64, len(v.Shape))
			for i, d := range v.Shape {
				shape[i] = uint64(d)
			}
			view, err := safetensors.NewTensorView(safetensors.F32, shape, raw)
			require.NoError(t, err)
			views[k] = view
		}
		want, err := safetensors.Serialize(views, tc.meta)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), name)
		checkAgainstReference(t, got)
	}
	_, err := EncodeTensors(map[string]nn.Tensor{"a": {Shape: []int{3}, Data: []float32{1}}}, nil)
	assert.EqualError(t, err, `tensor "a" has 1 values, shape [3] needs 3`)
	_, err = EncodeTensors(map[string]nn.Tensor{metadataKey: {Shape: []int{1}, Data: []float32{1}}}, map[string]string{"k": "v"})
	assert.ErrorContains(t, err, "may not be named")
}
