package webapp

import (
	"errors"
	"fmt"
	"image"
	"math"
	"strconv"

	"github.com/valyala/fastjson"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/jsonstr"
)

// The preparation messages' JSON, written and read here rather than by
// encoding/json: with the reflection it brings, encoding/json was a large
// part of the app's wasm (the README has the sizes) for two small
// messages. The JSON has encoding/json's shape for the same structs
// (TestPrepJSON holds both ways to it), read with fastjson as the weights'
// headers are.

// JSON is the request as it crosses to the worker. Its area must be
// finite numbers: JSON has no others.
func (r PrepRequest) JSON() (string, error) {
	b := []byte{'{'}
	if r.Coarse != nil {
		b = appendInfo(append(b, `"Coarse":`...), *r.Coarse)
		b = append(b, ',')
	}
	b = append(b, `"Area":[`...)
	for i, v := range r.Area {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", fmt.Errorf("the area %v is not four finite numbers", r.Area)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return string(append(b, "]}"...)), nil
}

// json is the answer as it crosses back to the page (its input crosses
// as bytes beside it).
func (a PrepAnswer) json() string {
	b := appendInfo(append([]byte(nil), `{"Info":`...), a.Info)
	if a.Refined {
		b = append(b, `,"Refined":true`...)
	}
	if a.Err != "" {
		b = jsonstr.Append(append(b, `,"Err":`...), a.Err)
	}
	if a.Finding != "" {
		b = jsonstr.Append(append(b, `,"Finding":`...), a.Finding)
	}
	return string(append(b, '}'))
}

func appendInfo(b []byte, i digitprep.Info) []byte {
	r := i.Bounds
	return fmt.Appendf(b, `{"Width":%d,"Height":%d,"Inverted":%t,"Several":%t,"AtEdge":%t,"Bounds":{"Min":{"X":%d,"Y":%d},"Max":{"X":%d,"Y":%d}}}`,
		i.Width, i.Height, i.Inverted, i.Several, i.AtEdge, r.Min.X, r.Min.Y, r.Max.X, r.Max.Y)
}

// readRequest is the worker's reading of a request's JSON.
func readRequest(s string) (PrepRequest, error) {
	var r PrepRequest
	o, err := jsonObject(s)
	if err != nil {
		return r, err
	}
	if v := o.Get("Coarse"); v != nil && v.Type() != fastjson.TypeNull {
		info, err := readInfo(v)
		if err != nil {
			return r, fmt.Errorf("Coarse: %w", err)
		}
		r.Coarse = &info
	}
	if v := o.Get("Area"); v != nil && v.Type() != fastjson.TypeNull {
		area, err := fourNumbers(v)
		if err != nil {
			return r, fmt.Errorf("Area: %w", err)
		}
		r.Area = *area
	}
	return r, nil
}

// fourNumbers reads an array of four numbers, each as strconv reads it,
// to the nearest float64, where fastjson's quicker reading can miss it by
// one in the last place (a number written and read back must come back
// the same).
func fourNumbers(v *fastjson.Value) (*[4]float64, error) {
	a, err := v.Array()
	if err != nil || len(a) != 4 {
		return nil, fmt.Errorf("%s is not four numbers", jsonstr.Shorten(v.String()))
	}
	var out [4]float64
	for i, x := range a {
		if x.Type() != fastjson.TypeNumber {
			return nil, fmt.Errorf("%s is not four numbers", jsonstr.Shorten(v.String()))
		}
		if out[i], err = strconv.ParseFloat(string(x.MarshalTo(nil)), 64); err != nil {
			return nil, err
		}
	}
	return &out, nil
}

// readAnswer is the page's reading of an answer's JSON.
func readAnswer(s string) (PrepAnswer, error) {
	var a PrepAnswer
	o, err := jsonObject(s)
	if err != nil {
		return a, err
	}
	return a, errors.Join(
		optional(o, "Info", &a.Info, readInfo),
		optional(o, "Err", &a.Err, stringOf),
		optional(o, "Finding", &a.Finding, stringOf),
		optional(o, "Refined", &a.Refined, (*fastjson.Value).Bool),
	)
}

// jsonObject is s parsed, which must be a JSON object with valid strings
// (fastjson leaves those unchecked).
func jsonObject(s string) (*fastjson.Value, error) {
	if err := jsonstr.Check([]byte(s)); err != nil {
		return nil, err
	}
	v, err := fastjson.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("not JSON: %s", jsonstr.Shorten(err.Error()))
	}
	if v.Type() != fastjson.TypeObject {
		return nil, errors.New("not a JSON object")
	}
	return v, noRepeats(v)
}

// noRepeats refuses an object that names a field twice, anywhere in v:
// encoding/json takes the last, fastjson's Get the first, and which one
// the sender meant cannot be told.
func noRepeats(v *fastjson.Value) error {
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		seen := map[string]bool{}
		var err error
		o.Visit(func(k []byte, x *fastjson.Value) {
			if err != nil {
				return
			}
			if seen[string(k)] {
				err = fmt.Errorf("%q is named twice", k)
				return
			}
			seen[string(k)] = true
			err = noRepeats(x)
		})
		return err
	case fastjson.TypeArray:
		a, _ := v.Array()
		for _, x := range a {
			if err := noRepeats(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func readInfo(v *fastjson.Value) (digitprep.Info, error) {
	var i digitprep.Info
	if v.Type() != fastjson.TypeObject {
		return i, errors.New("not an object")
	}
	return i, errors.Join(
		optional(v, "Width", &i.Width, (*fastjson.Value).Int),
		optional(v, "Height", &i.Height, (*fastjson.Value).Int),
		optional(v, "Inverted", &i.Inverted, (*fastjson.Value).Bool),
		optional(v, "Several", &i.Several, (*fastjson.Value).Bool),
		optional(v, "AtEdge", &i.AtEdge, (*fastjson.Value).Bool),
		optional(v, "Bounds", &i.Bounds, readRectangle),
	)
}

func readRectangle(v *fastjson.Value) (image.Rectangle, error) {
	var r image.Rectangle
	if v.Type() != fastjson.TypeObject {
		return r, errors.New("not an object")
	}
	return r, errors.Join(optional(v, "Min", &r.Min, readPoint), optional(v, "Max", &r.Max, readPoint))
}

func readPoint(v *fastjson.Value) (image.Point, error) {
	var p image.Point
	if v.Type() != fastjson.TypeObject {
		return p, errors.New("not an object")
	}
	return p, errors.Join(optional(v, "X", &p.X, (*fastjson.Value).Int), optional(v, "Y", &p.Y, (*fastjson.Value).Int))
}

// optional reads o's field name, if o has it, into dst with read (a field
// left out is zero, as encoding/json leaves it); an error names the field.
func optional[T any](o *fastjson.Value, name string, dst *T, read func(*fastjson.Value) (T, error)) error {
	v := o.Get(name)
	if v == nil {
		return nil
	}
	x, err := read(v)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	*dst = x
	return nil
}

func stringOf(v *fastjson.Value) (string, error) {
	b, err := v.StringBytes()
	return string(b), err
}
