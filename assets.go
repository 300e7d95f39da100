// Package dae holds the web app's files for the server to embed: the page
// (index.html), its assets (web/, with the wasm build from `make wasm`) and
// the bundled weights. The code lives in the sub-packages; see README.md.
package dae

import "embed"

// Assets are the files the app's server serves.
//
//go:embed index.html web weights/dae.safetensors weights/ae.safetensors
var Assets embed.FS
