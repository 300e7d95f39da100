package nn

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkArchAgainstJSON holds ParseArch to encoding/json's reading of Arch,
// and Arch.JSON to its writing: whatever ParseArch accepts, encoding/json
// (with unknown fields refused) must read as the same Arch, and write as
// Arch.JSON does. ParseArch may refuse more: repeated fields,
// field names in another case, nulls, trailing data.
func checkArchAgainstJSON(t *testing.T, data []byte) {
	t.Helper()
	got, err := ParseArch(data)
	if err != nil {
		return
	}
	var want Arch
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&want), "ParseArch accepted what encoding/json refuses")
	assert.Equal(t, want, got)
	written, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Equal(t, string(written), got.JSON(), "Arch.JSON writes what encoding/json writes")
}

func TestParseArchAgreesWithEncodingJSON(t *testing.T) {
	accept := []string{
		DefaultArch().JSON(),
		`{"input":[1,4,4],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`,
		` { "decoder" : [ { "kind" : "upsample" } ] , "input" : [ 1 , 4 , 4 ] , "encoder" : [ { "kind" : "maxpool" } ] } `,
		`{"input":[1,4,4],"encoder":[{"activation":"relu","padding":"valid","kernel":3,"out":1,"kind":"conv"}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4],"encoder":[{"kind":"max\u0070ool"}],"decoder":[{"kind":"upsample"}]}`,
	}
	for _, s := range accept {
		_, err := ParseArch([]byte(s))
		require.NoError(t, err, s)
		checkArchAgainstJSON(t, []byte(s))
	}
	refuse := []string{
		`{"input":[1,4,4],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}],"input":[1,4,4]}`,
		`{"Input":[1,4,4],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4.0],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4,1],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4],"encoder":[{"kind":"maxpool","out":null}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4],"encoder":[{"kind":7}],"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4],"encoder":{"kind":"maxpool"},"decoder":[{"kind":"upsample"}]}`,
		`{"input":[1,4,4],"encoder":[{"kind":"maxpool"}],"decoder":[{"kind":"upsample"}]} {}`,
		`[]`,
	}
	for _, s := range refuse {
		_, err := ParseArch([]byte(s))
		assert.Error(t, err, s)
	}
}

// Arch.JSON writes what encoding/json writes for the Arch, so that weights
// files keep their bytes.
func TestArchJSONIsEncodingJSONs(t *testing.T) {
	for _, a := range []Arch{
		DefaultArch(),
		{Input: Shape{3, 5, 7}, Encoder: []Layer{{Kind: KindMaxPool}}},
		{Input: Shape{1, 4, 4}, Encoder: []Layer{}, Decoder: []Layer{conv(2, PaddingValid, ActNone), {Kind: "<odd & \"kind\">", Out: -1}}},
		{},
	} {
		want, err := json.Marshal(a)
		require.NoError(t, err)
		assert.Equal(t, string(want), a.JSON())
	}
}

// Deeply nested input gives a message a person can read, not one
// "cannot parse array" per level.
func TestParseArchErrorIsShort(t *testing.T) {
	_, err := ParseArch([]byte(strings.Repeat("[", 10000)))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 400)
	assert.Contains(t, err.Error(), "exceeds 300")
}

func TestJSONByLayer(t *testing.T) {
	for name, a := range map[string]Arch{"seed": DefaultArch(), "strong": StrongArch(), "classifier": ClassifierArch()} {
		laid := a.JSONByLayer()
		var compact bytes.Buffer
		require.NoError(t, json.Compact(&compact, []byte(laid)), name)
		assert.Equal(t, a.JSON(), compact.String(), "%s: the same JSON, laid out", name)
		got, err := ParseArch([]byte(laid))
		require.NoError(t, err, name)
		assert.Equal(t, a, got, name)
		lines := strings.Split(laid, "\n")
		assert.Len(t, lines, 3+len(a.Encoder)+len(a.Decoder), "%s: the input's line, the parts' names and a line a layer", name)
		for _, l := range lines {
			assert.LessOrEqual(t, len(l), 90, "%s: %s", name, l)
		}
	}
}
