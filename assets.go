// Package dae holds the web app's files for the server to embed: the page
// (index.html), its assets (web/, with the wasm build from `make wasm`) and
// the bundled weights. The code lives in the sub-packages; see README.md.
package dae

import "embed"

// Assets are the files the app's server serves.
//
//go:embed index.html sw.js web weights/dae.safetensors weights/ae.safetensors weights/strong.safetensors weights/classifier.safetensors
var Assets embed.FS

// AppFiles are the files and folders of the app, the same as those embedded
// in Assets (a test keeps the two equal). The server reads only these from
// a folder given with -dir, so that serving the repository root publishes
// the app and nothing else of the checkout.
var AppFiles = []string{"index.html", "sw.js", "web", "weights/dae.safetensors", "weights/ae.safetensors", "weights/strong.safetensors", "weights/classifier.safetensors"}
