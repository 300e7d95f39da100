//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// servePreparation is main in the worker that prepares uploads: it
// offers self.godaePrepare(pixels, width, height, request) to the
// worker's script, which calls it for each picture the page posts, and
// answers {answer, input} (webapp.ServePrep: JSON, and the input's bytes,
// empty when there is none) or {error}.
func servePreparation() {
	js.Global().Set("godaePrepare", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 4 || !isBytes(args[0]) || args[1].Type() != js.TypeNumber || args[2].Type() != js.TypeNumber || args[3].Type() != js.TypeString {
			return map[string]any{"error": "not pixels, a width, a height and a request"}
		}
		if n := args[0].Get("length").Int(); n > 4*webapp.MaxPrepPixels {
			return map[string]any{"error": fmt.Sprintf("%d bytes of pixels: more than a picture of %d pixels", n, webapp.MaxPrepPixels)}
		}
		pix := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(pix, args[0])
		out, input, err := webapp.ServePrep(pix, args[1].Int(), args[2].Int(), args[3].String())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		arr := js.Global().Get("Uint8Array").New(len(input))
		js.CopyBytesToJS(arr, input)
		return map[string]any{"answer": out, "input": arr}
	}))
	select {}
}
