//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"syscall/js"

	"github.com/godae/dae/digitprep"
)

// decodeFile has the browser decode an uploaded image file, so that the app
// carries no image decoders: an <img> element reads any format the browser
// knows. The file's size and then the image's are checked with digitprep's
// limits before any pixel is drawn; the pixels come back scaled to
// digitprep.WorkSize, no more than Prepare will use. It waits for the
// browser, so it must run on its own goroutine.
func decodeFile(file js.Value) (image.Image, error) {
	if err := digitprep.CheckFileSize(file.Get("size").Int()); err != nil {
		return nil, err
	}
	url := js.Global().Get("URL").Call("createObjectURL", file)
	defer js.Global().Get("URL").Call("revokeObjectURL", url)
	img := js.Global().Get("document").Call("createElement", "img")
	loaded := make(chan bool, 1)
	onload := js.FuncOf(func(js.Value, []js.Value) any { loaded <- true; return nil })
	onerror := js.FuncOf(func(js.Value, []js.Value) any { loaded <- false; return nil })
	defer onload.Release()
	defer onerror.Release()
	img.Set("onload", onload)
	img.Set("onerror", onerror)
	img.Set("src", url)
	if !<-loaded {
		return nil, digitprep.ErrNotImage
	}
	w, h := img.Get("naturalWidth").Int(), img.Get("naturalHeight").Int()
	if err := digitprep.CheckSize(w, h); err != nil {
		return nil, err
	}
	tw, th := digitprep.WorkSize(w, h)
	canvas := js.Global().Get("document").Call("createElement", "canvas")
	canvas.Set("width", tw)
	canvas.Set("height", th)
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("imageSmoothingQuality", "high")
	ctx.Call("drawImage", img, 0, 0, tw, th)
	data := ctx.Call("getImageData", 0, 0, tw, th).Get("data")
	pix := make([]byte, 4*tw*th)
	if n := js.CopyBytesToGo(pix, data); n != len(pix) {
		return nil, fmt.Errorf("the browser gave %d bytes for %d×%d pixels", n, tw, th)
	}
	return &image.NRGBA{Pix: pix, Stride: 4 * tw, Rect: image.Rect(0, 0, tw, th)}, nil
}
