package webapp

import (
	"encoding/json"
	"image"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
)

// The messages' JSON is encoding/json's both ways: what is written here
// encoding/json reads as the same request or answer, and what encoding/json
// writes is read here as it was; unknown fields are left alone, as
// encoding/json leaves them.
func TestPrepJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	info := func() digitprep.Info {
		n := func() int { return r.IntN(20001) - 10000 }
		return digitprep.Info{Width: n(), Height: n(), Inverted: r.IntN(2) == 0, Several: r.IntN(2) == 0, AtEdge: r.IntN(2) == 0,
			Bounds: image.Rect(n(), n(), n(), n())}
	}
	texts := []string{"", "no digit found: nothing stands out", `a "quoted" name\with\slashes`, "tab\tnew line\n", "é 7 \u2028 \x01", "blank"}
	for range 200 {
		req := PrepRequest{Area: [4]float64{r.Float64(), r.NormFloat64() * 1e-9, math.MaxFloat64 * r.Float64(), -r.Float64()}}
		if r.IntN(2) == 0 {
			i := info()
			req.Coarse = &i
		}
		ours, err := req.JSON()
		require.NoError(t, err)
		var back PrepRequest
		require.NoError(t, json.Unmarshal([]byte(ours), &back), ours)
		assert.Equal(t, req, back, "encoding/json reads ours: %s", ours)
		theirs, err := json.Marshal(req)
		require.NoError(t, err)
		read, err := readRequest(string(theirs))
		require.NoError(t, err, "%s", theirs)
		assert.Equal(t, req, read, "ours reads encoding/json's: %s", theirs)

		a := PrepAnswer{Info: info(), Refined: r.IntN(2) == 0, Err: texts[r.IntN(len(texts))], Finding: texts[r.IntN(len(texts))]}
		var answer PrepAnswer
		require.NoError(t, json.Unmarshal([]byte(a.json()), &answer), a.json())
		assert.Equal(t, a, answer, "encoding/json reads ours: %s", a.json())
		theirs, err = json.Marshal(a)
		require.NoError(t, err)
		readA, err := readAnswer(string(theirs))
		require.NoError(t, err, "%s", theirs)
		assert.Equal(t, a, readA, "ours reads encoding/json's: %s", theirs)
	}
	read, err := readRequest(`{"Other":[1,{"x":2}],"Area":[1,2,3,4]}`)
	require.NoError(t, err)
	assert.Equal(t, PrepRequest{Area: [4]float64{1, 2, 3, 4}}, read, "an unknown field is left alone")
}

// What cannot be a message is refused with what is wrong: not JSON, not an
// object, a field of another type, an area not of four numbers, a string
// that is not UTF-8, a field named twice (which one was meant?); and a request cannot be written with an area that
// JSON cannot hold.
func TestPrepJSONRefuses(t *testing.T) {
	for _, s := range []string{``, `[]`, `{"Area":[1,2,3]}`, `{"Area":"1,2,3,4"}`, `{"Coarse":[]}`, `{"Coarse":{"Width":1.5}}`,
		`{"Coarse":{"Bounds":{"Min":1}}}`, `{"Coarse":{"Several":"yes"}}`, `{"Area":[1,2,3,"4"]}`, `{"Area":[1,2,3,4],"Area":[5,6,7,8]}`, `{"Coarse":{"Width":1,"Width":2}}`} {
		_, err := readRequest(s)
		assert.Error(t, err, "request %s", s)
	}
	for _, s := range []string{`{"Err":7}`, `{"Finding":null}`, `{"Refined":1}`, `{"Info":{"Height":"40"}}`, `{"Info":{"Bounds":[]}}`, "{\"Err\":\"\xff\"}", `{"Err":"a"`} {
		_, err := readAnswer(s)
		assert.Error(t, err, "answer %s", s)
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := PrepRequest{Area: [4]float64{0, v, 1, 1}}.JSON()
		assert.Error(t, err, "%v", v)
	}
}

// Whatever a message holds, reading it does not panic, and what is read
// is written and read back as it was.
func FuzzPrepMessages(f *testing.F) {
	for _, s := range []string{`{}`, `{"Area":[0.1,0.2,0.9,1]}`, `{"Coarse":{"Width":60,"Height":40,"Inverted":true,"Bounds":{"Min":{"X":1,"Y":2},"Max":{"X":30,"Y":40}}},"Area":[0,0,1,1]}`,
		`{"Info":{"Width":60},"Refined":true,"Err":"no digit found","Finding":"blank"}`, `{"Err":"\u00e9\n"}`, `[]`, `{"Area":[1e400,0,0,0]}`, `{"Info":{"Bounds":{"Min":{"X":99999999999999999999}}}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, err := readRequest(s); err == nil {
			out, err := r.JSON()
			require.NoError(t, err, "a request read is written: %s", s)
			back, err := readRequest(out)
			require.NoError(t, err, "%s", out)
			assert.Equal(t, r, back, "%s", out)
		}
		if a, err := readAnswer(s); err == nil {
			back, err := readAnswer(a.json())
			require.NoError(t, err, "%s", a.json())
			assert.Equal(t, a, back, "%s", a.json())
		}
	})
}
