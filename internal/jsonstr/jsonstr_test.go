package jsonstr

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// Append writes what encoding/json writes, for any string.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "plain", "<a & b> \"q\" \\ \b\f\n\r\t\x01\x1f é → \u2028\u2029 \xff\xfe", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}

func TestShorten(t *testing.T) {
	if got := Shorten("short"); got != "short" {
		t.Errorf("Shorten changed a short message: %q", got)
	}
	if got := Shorten("x" + strings.Repeat("é", 400)); !utf8.ValidString(got) {
		t.Errorf("Shorten cut a character in two: %q", got)
	}
	long := strings.Repeat("cannot parse array: ", 700) + "too big depth"
	got := Shorten(long)
	if len(got) > MaxErrorLen+10 || !strings.HasPrefix(got, "cannot parse array") || !strings.HasSuffix(got, "too big depth") {
		t.Errorf("Shorten(%d characters) = %q", len(long), got)
	}
}

func TestCheck(t *testing.T) {
	for _, ok := range []string{`{"a":"b"}`, "{\n\t\"a\" : \"b\\n\\u001d\"\r\n}", `"\ud83d\ude00 \/ \u00e9"`, `"\\"`, `"\""`, ``,
		`[0, -0, 10, 0.5, -1.25e-3, 1E+2, 1e01, true, false, null]`, `{"01":"+1 .5 NaN"}`} {
		if err := Check([]byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"{\"a\":\"b\x1d\"}", "\"\t\"", "\"\\\"\n\"", "\"\x00", "{\"dec\xff\":1}", "\"\xc3\"", `"\ud800"`, `"\udc00\u0041"`, `"\ud800\u0041"`, `"\x"`, `"\u12"`, `"\`,
		// Numbers fastjson reads and JSON does not allow (FuzzParseArch
		// found [1,01,01] taken as a shape).
		`[01]`, `[-01]`, `[00]`, `[1.]`, `[.5]`, `[+1]`, `[1e]`, `[NaN]`, `[01.5]`, `[1-2]`, `[True]`} {
		if err := Check([]byte(bad)); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
