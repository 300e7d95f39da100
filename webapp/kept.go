package webapp

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/jsonstr"
)

// The page keeps the upload shown in the tab's sessionStorage, so that a
// reload shows it again (a phone's browser reloads a tab it put aside while
// the person took a photo): the file as a data URL, and a [Kept] beside it.
// What it reads back may have been changed by anyone with the browser's
// developer tools, so it is checked, and its size before any work.

// MaxKeptUpload is the largest file the page keeps for a reload, in
// bytes. As a data URL it is a third longer, and browsers keep 5 to 10 MiB
// for a tab of a site, the drawing's and the upload's together.
const MaxKeptUpload = 3 << 20

// maxKept is the longest Kept read back, in bytes: a name, a type and
// a few numbers.
const maxKept = 4 << 10

// Kept is what the page keeps of the upload beside its file: the file's
// name, type and size, the box chosen on its picture, and whether the
// browser took the file.
type Kept struct {
	Name string
	Type string
	Size int
	Part *[4]float64 // left, top, right, bottom, shares of the picture; nil: the whole
	// Lost says that the file was not kept, though not too large: the
	// browser had no room for it, or it could not be read again.
	Lost bool
}

// Why says why the file was not kept, or "" if it was. It is the page's
// own words, whatever was kept: only the size and a flag are read back.
func (k Kept) Why() string {
	switch {
	case k.Size > MaxKeptUpload:
		return fmt.Sprintf("it is %.1f MiB, over the %d MiB the page keeps for a reload", math.Ceil(float64(k.Size)/(1<<20)*10)/10, MaxKeptUpload>>20)
	case k.Lost:
		return "the browser kept no more for the page"
	}
	return ""
}

// JSON is k as the page keeps it (written and read here, as the
// preparation messages are: prepjson.go says why not by encoding/json).
func (k Kept) JSON() string {
	b := jsonstr.Append(append([]byte(nil), `{"name":`...), k.Name)
	b = jsonstr.Append(append(b, `,"type":`...), k.Type)
	b = fmt.Appendf(b, `,"size":%d`, k.Size)
	if p := k.Part; p != nil {
		b = fmt.Appendf(b, `,"part":[%s,%s,%s,%s]`, number(p[0]), number(p[1]), number(p[2]), number(p[3]))
	}
	if k.Lost {
		b = append(b, `,"lost":true`...)
	}
	return string(append(b, '}'))
}

// number is a share of a picture as JSON: the box chosen is in it, so
// finite, and NaN is written as null, which ReadKept refuses.
func number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ReadKept reads back a Kept that JSON wrote; anything else is an error.
func ReadKept(s string) (Kept, error) {
	var k Kept
	if len(s) > maxKept {
		return k, fmt.Errorf("what is kept of the upload is %d bytes; the page writes at most %d", len(s), maxKept)
	}
	o, err := jsonObject(s)
	if err == nil {
		err = errors.Join(
			optional(o, "name", &k.Name, stringOf),
			optional(o, "type", &k.Type, stringOf),
			optional(o, "size", &k.Size, (*fastjson.Value).Int),
			optional(o, "part", &k.Part, fourNumbers),
			optional(o, "lost", &k.Lost, (*fastjson.Value).Bool),
		)
	}
	if err != nil {
		return Kept{}, fmt.Errorf("what is kept of the upload is not the page's: %v", err)
	}
	if k.Name == "" {
		return Kept{}, errors.New("what is kept of the upload names no file")
	}
	if k.Size < 0 || k.Size > digitprep.MaxBytes {
		return Kept{}, fmt.Errorf("the file kept is said to be %d bytes; an upload is 0 to %d", k.Size, digitprep.MaxBytes)
	}
	if p := k.Part; p != nil && !(0 <= p[0] && p[0] < p[2] && p[2] <= 1 && 0 <= p[1] && p[1] < p[3] && p[3] <= 1) {
		return Kept{}, fmt.Errorf("the box kept, %v, is not a part of the picture", *p)
	}
	return k, nil
}

// KeptName checks a file's name the page stored for a reload (the file
// being read: wasm's markReading) as it is read back, which anyone may have
// changed: "" when it is not a name (empty, over 4 KiB, not UTF-8), else
// the name, with any control character (a line break, which Linux allows
// in a file's name) shown as U+FFFD, so that it is said on one line.
func KeptName(s string) string {
	if s == "" || len(s) > maxKept || !utf8.ValidString(s) {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// DataURL is data, a file of the media type typ, as a data URL.
func DataURL(typ string, data []byte) string {
	if typ == "" || strings.ContainsAny(typ, ";,") {
		typ = "application/octet-stream"
	}
	return "data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// maxKeptURL is the longest data URL DataURL writes for a file the page
// keeps: of MaxKeptUpload bytes, of a type of up to maxKept bytes.
var maxKeptURL = len("data:;base64,") + maxKept + base64.StdEncoding.EncodedLen(MaxKeptUpload)

// FromDataURL is the bytes and media type of a data URL that DataURL
// wrote for a file the page keeps; anything else is an error, and one
// longer than such a file's is refused before it is decoded.
func FromDataURL(url string) (data []byte, typ string, err error) {
	if len(url) > maxKeptURL {
		return nil, "", fmt.Errorf("the upload kept is %d bytes as a data URL; the page keeps %d at most", len(url), maxKeptURL)
	}
	rest, ok := strings.CutPrefix(url, "data:")
	if ok {
		typ, rest, ok = strings.Cut(rest, ";base64,")
	}
	if !ok {
		return nil, "", errors.New("the upload kept is not a data URL of base64")
	}
	if strings.ContainsAny(rest, "\r\n") { // which the decoder skips: not DataURL's
		return nil, "", errors.New("the upload kept is not a data URL of base64: it holds line breaks")
	}
	if data, err = base64.StdEncoding.Strict().DecodeString(rest); err != nil { // as DataURL wrote it, padding bits zero
		return nil, "", fmt.Errorf("the upload kept is not a data URL of base64: %v", err)
	}
	return data, typ, nil
}
