//go:build js && wasm

package main

import (
	"image"
	"image/draw"
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// canvas2D is a detached canvas the page draws pictures on.
var canvas2D js.Value

// pngURL returns img as a PNG data: URL. The browser encodes it (a canvas's
// toDataURL), so the app carries no PNG encoder of its own.
func pngURL(img image.Image) string {
	b := img.Bounds()
	rgba, ok := img.(*image.RGBA)
	if gray, isGray := img.(*image.Gray); isGray && gray.Stride == b.Dx() {
		rgba, ok = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy())), true
		for i, v := range gray.Pix { // draw.Draw would go through At for each pixel
			p := rgba.Pix[4*i : 4*i+4 : 4*i+4]
			p[0], p[1], p[2], p[3] = v, v, v, 255
		}
	}
	if !ok || rgba.Stride != 4*b.Dx() {
		rgba = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
	}
	if canvas2D.IsUndefined() {
		canvas2D = js.Global().Get("document").Call("createElement", "canvas")
	}
	canvas2D.Set("width", b.Dx())
	canvas2D.Set("height", b.Dy())
	ctx := canvas2D.Call("getContext", "2d")
	data := ctx.Call("createImageData", b.Dx(), b.Dy())
	js.CopyBytesToJS(data.Get("data"), rgba.Pix)
	ctx.Call("putImageData", data, 0, 0)
	return canvas2D.Call("toDataURL", "image/png").String()
}

// grayURL is pngURL of a 28×28 picture of values in [0,1].
func grayURL(vals []float32) string {
	return pngURL(webapp.GrayImage(vals, webapp.Side, webapp.Side))
}
