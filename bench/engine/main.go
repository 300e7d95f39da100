//go:build js && wasm

// Command engine is the pure-Go engine alone, built for the browser
// benchmark's page (GOOS=js GOARCH=wasm), without the app around it:
// godae.load(weights) parses a safetensors file; the module's export
// denoise(n) runs n images from godae.in to godae.out (Uint8Array views of
// Float32Arrays) and returns 0, or 1 with the error in godae.error;
// godae.profile(in, reps) times each step of the model on one image and
// returns JSON.
//
// denoise is a //go:wasmexport function, not a js.FuncOf: the page calls it
// directly, without syscall/js's hand-over to a Go goroutine, which would
// be part of every measured call.
package main

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"syscall/js"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

// The engine and its buffers, set up by load and reused by every call.
var (
	model   *nn.Model
	ws      *nn.Workspace
	in, out []float32
	raw     []byte
	api     js.Value
)

//go:wasmexport denoise
func denoise(n int32) int32 {
	if ws == nil || n < 1 {
		api.Set("error", "load the weights first, and give at least one image")
		return 1
	}
	size := model.InputShape().Len() * int(n)
	if cap(in) < size {
		in, out, raw = make([]float32, size), make([]float32, size), make([]byte, 4*size)
	}
	in, out, raw = in[:size], out[:size], raw[:4*size]
	js.CopyBytesToGo(raw, api.Get("in"))
	fromBytes(in, raw)
	if err := ws.DenoiseBatch(out, in); err != nil {
		api.Set("error", err.Error())
		return 1
	}
	toBytes(raw, out)
	js.CopyBytesToJS(api.Get("out"), raw)
	return 0
}

func main() {
	api = js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		f, err := weights.Parse(data)
		if err != nil {
			return err.Error()
		}
		model, ws = f.Model, f.Model.NewWorkspace()
		return nil
	}))
	api.Set("profile", js.FuncOf(func(_ js.Value, args []js.Value) any {
		img := make([]float32, model.InputShape().Len())
		buf := make([]byte, 4*len(img))
		js.CopyBytesToGo(buf, args[0])
		for i := range img {
			img[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
		}
		times, err := ws.ProfileLayers(img, args[1].Int())
		if err != nil {
			return err.Error()
		}
		js, _ := json.Marshal(times)
		return string(js)
	}))
	js.Global().Set("godae", api)
	select {}
}

// fromBytes decodes little-endian float32s, four per iteration (a loop
// iteration is dear in Go's wasm code).
func fromBytes(dst []float32, src []byte) {
	src = src[:4*len(dst)]
	le := binary.LittleEndian
	i := 0
	for ; i+4 <= len(dst); i += 4 {
		d, b := dst[i:i+4:i+4], src[4*i:4*i+16:4*i+16]
		d[0] = math.Float32frombits(le.Uint32(b[0:4]))
		d[1] = math.Float32frombits(le.Uint32(b[4:8]))
		d[2] = math.Float32frombits(le.Uint32(b[8:12]))
		d[3] = math.Float32frombits(le.Uint32(b[12:16]))
	}
	for ; i < len(dst); i++ {
		dst[i] = math.Float32frombits(le.Uint32(src[4*i:]))
	}
}

// toBytes is the inverse of fromBytes.
func toBytes(dst []byte, src []float32) {
	dst = dst[:4*len(src)]
	le := binary.LittleEndian
	i := 0
	for ; i+4 <= len(src); i += 4 {
		s, b := src[i:i+4:i+4], dst[4*i:4*i+16:4*i+16]
		le.PutUint32(b[0:4], math.Float32bits(s[0]))
		le.PutUint32(b[4:8], math.Float32bits(s[1]))
		le.PutUint32(b[8:12], math.Float32bits(s[2]))
		le.PutUint32(b[12:16], math.Float32bits(s[3]))
	}
	for ; i < len(src); i++ {
		le.PutUint32(dst[4*i:], math.Float32bits(src[i]))
	}
}
