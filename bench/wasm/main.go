//go:build js && wasm

// Command wasm is the pure-Go engine as the browser benchmark calls it:
// godae.load(weights) parses a safetensors file; the module's export
// denoise(n) runs n images from godae.in to godae.out (Uint8Array views of
// Float32Arrays) and returns 0, or 1 with the error in godae.error;
// godae.profile(in, reps) times each layer on one image and returns JSON.
//
// denoise is a //go:wasmexport function, not a js.FuncOf: the page calls it
// directly, without syscall/js's hand-over to a Go goroutine: batch-1
// median 0.245–0.255 → 0.235–0.24 ms in Chromium (four runs each).
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
	ws      *nn.Workspace
	in, out []float32
	raw     []byte
	api     js.Value
)

//go:wasmexport denoise
func denoise(n int32) int32 {
	size := 784 * int(n)
	if ws == nil || n < 1 {
		api.Set("error", "load the weights first, and give at least one image")
		return 1
	}
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
		ws = f.Model.NewWorkspace()
		return nil
	}))
	api.Set("profile", js.FuncOf(func(_ js.Value, args []js.Value) any {
		img, buf := make([]float32, 784), make([]byte, 4*784)
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
// iteration is dear in Go's wasm code); len(dst) is a multiple of 784.
func fromBytes(dst []float32, src []byte) {
	src = src[:4*len(dst)]
	le := binary.LittleEndian
	for i := 0; i+4 <= len(dst); i += 4 {
		d, b := dst[i:i+4:i+4], src[4*i:4*i+16:4*i+16]
		d[0] = math.Float32frombits(le.Uint32(b[0:4]))
		d[1] = math.Float32frombits(le.Uint32(b[4:8]))
		d[2] = math.Float32frombits(le.Uint32(b[8:12]))
		d[3] = math.Float32frombits(le.Uint32(b[12:16]))
	}
}

// toBytes is the inverse of fromBytes.
func toBytes(dst []byte, src []float32) {
	dst = dst[:4*len(src)]
	le := binary.LittleEndian
	for i := 0; i+4 <= len(src); i += 4 {
		s, b := src[i:i+4:i+4], dst[4*i:4*i+16:4*i+16]
		le.PutUint32(b[0:4], math.Float32bits(s[0]))
		le.PutUint32(b[4:8], math.Float32bits(s[1]))
		le.PutUint32(b[8:12], math.Float32bits(s[2]))
		le.PutUint32(b[12:16], math.Float32bits(s[3]))
	}
}
