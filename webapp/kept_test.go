package webapp

import (
	"encoding/base64"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKept(t *testing.T) {
	// A share that fastjson's own reading of numbers misses by one in
	// the last place comes back exactly.
	k := Kept{Name: "seven, \"quoted\" \u2028 é.png", Type: "image/png", Part: &[4]float64{2.52335530566139e-05, 0, 1, 0.5}}
	back, err := ReadKept(k.JSON())
	require.NoError(t, err)
	assert.Equal(t, k, back)
	back, err = ReadKept(Kept{Name: "big.jpg", Size: MaxKeptUpload + 1}.JSON())
	require.NoError(t, err)
	assert.Equal(t, "it is 3.1 MiB, over the 3 MiB the page keeps for a reload", back.Why(), "rounded up: never 3.0 MiB over 3 MiB")
	assert.Empty(t, Kept{Name: "a.png", Size: MaxKeptUpload}.Why())
	assert.Equal(t, "the browser kept no more for the page", Kept{Name: "a.png", Size: 10, Lost: true}.Why())
	// Only the size and the flag are read: no words of what was kept are
	// shown.
	back, err = ReadKept(`{"name":"a.png","why":"your picture was sent to our server"}`)
	require.NoError(t, err)
	assert.Empty(t, back.Why())

	for what, s := range map[string]string{
		"not JSON":           "seven.png",
		"no name":            `{"type":"image/png"}`,
		"a box out of it":    `{"name":"a.png","part":[0.5,0,1.5,1]}`,
		"a box turned round": `{"name":"a.png","part":[0.9,0,0.1,1]}`,
		"a box of NaN":       `{"name":"a.png","part":[NaN,0,1,1]}`,
		"a box of null":      `{"name":"a.png","part":[null,0,1,1]}`,
		"a box of three":     `{"name":"a.png","part":[0,0,1]}`,
		"a name twice":       `{"name":"a.png","name":"b.png"}`,
		"a size below 0":     `{"name":"a.png","size":-1}`,
		"a size over 20 MiB": `{"name":"a.png","size":20971521}`,
		"a size not whole":   `{"name":"a.png","size":1.5}`,
		"too long":           `{"name":"` + strings.Repeat("a", maxKept) + `"}`,
	} {
		_, err := ReadKept(s)
		assert.Error(t, err, what)
	}
}

func TestDataURL(t *testing.T) {
	data := []byte("\x89PNG\r\n\x1a\n and the rest")
	for typ, want := range map[string]string{"image/png": "image/png", "": "application/octet-stream", "a;b,c": "application/octet-stream"} {
		url := DataURL(typ, data)
		back, gotType, err := FromDataURL(url)
		require.NoError(t, err, typ)
		assert.Equal(t, data, back, typ)
		assert.Equal(t, want, gotType, typ)
	}
	_, _, err := FromDataURL(DataURL("image/png", make([]byte, MaxKeptUpload)))
	assert.NoError(t, err, "the largest file kept")
	for what, s := range map[string]string{
		"no data URL":   "https://example.com/a.png",
		"not base64":    "data:image/png,%89PNG",
		"broken base64": "data:image/png;base64,!!!",
		"too long":      DataURL("image/png", make([]byte, MaxKeptUpload+maxKept)),
	} {
		_, _, err := FromDataURL(s)
		assert.Error(t, err, what)
	}
}

// FuzzKept: what the page reads back from the tab's storage, which anyone
// may have changed, is read without a panic, and what is read is written
// and read back alike.
func FuzzKept(f *testing.F) {
	f.Add(Kept{Name: "seven.png", Type: "image/png", Part: &[4]float64{0.6, 0, 1, 0.5}}.JSON(), DataURL("image/png", []byte("\x89PNG")))
	f.Add(`{"name":"a.png","part":[1e-320,0,1,1],"why":"x"}`, "data:;base64,")
	f.Fuzz(func(t *testing.T, about, url string) {
		if k, err := ReadKept(about); err == nil {
			back, err := ReadKept(k.JSON())
			require.NoError(t, err, "%q", k.JSON())
			require.Equal(t, k, back)
		}
		if data, typ, err := FromDataURL(url); err == nil {
			require.Equal(t, url, "data:"+typ+";base64,"+base64.StdEncoding.EncodeToString(data))
		}
		for _, s := range []string{about, url} { // as the name of a file being read
			if n := KeptName(s); n != "" {
				require.True(t, utf8.ValidString(n) && len(n) <= 3*maxKept && !strings.ContainsFunc(n, unicode.IsControl), "%q", n)
			}
		}
	})
}

func TestKeptName(t *testing.T) {
	for _, name := range []string{"7.png", "photo de l'été.jpg", strings.Repeat("n", maxKept)} {
		assert.Equal(t, name, KeptName(name))
	}
	assert.Equal(t, "a\ufffdb.png", KeptName("a\nb.png"), "on one line")
	assert.Equal(t, "\ufffd[31mred.png", KeptName("\x1b[31mred.png"))
	for _, name := range []string{"", strings.Repeat("n", maxKept+1), "\xff.png"} {
		assert.Empty(t, KeptName(name), "%q", name)
	}
}
