package nn

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkArchAgainstJSON holds ParseArch to encoding/json's reading of Arch:
// whatever ParseArch accepts, encoding/json (with unknown fields refused)
// must read as the same Arch. ParseArch may refuse more: repeated fields,
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
