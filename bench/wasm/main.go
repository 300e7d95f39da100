//go:build js && wasm

// Command wasm is the pure-Go engine as the browser benchmark calls it:
// godae.load(weights) parses a safetensors file and godae.denoise(in, out, n)
// runs n images, with in and out Uint8Array views of Float32Arrays;
// godae.profile(in, reps) times each layer on one image and returns JSON.
package main

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"syscall/js"

	"github.com/godae/dae/nn"
	"github.com/godae/dae/weights"
)

func main() {
	var ws *nn.Workspace
	var in, out []float32
	var raw []byte
	api := js.Global().Get("Object").New()
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
	api.Set("denoise", js.FuncOf(func(_ js.Value, args []js.Value) any {
		n := args[2].Int()
		size := 784 * n
		if cap(in) < size {
			in, out, raw = make([]float32, size), make([]float32, size), make([]byte, 4*size)
		}
		in, out, raw = in[:size], out[:size], raw[:4*size]
		js.CopyBytesToGo(raw, args[0])
		for i := range in {
			in[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
		if err := ws.DenoiseBatch(out, in); err != nil {
			return err.Error()
		}
		for i, v := range out {
			binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(v))
		}
		js.CopyBytesToJS(args[1], raw)
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
