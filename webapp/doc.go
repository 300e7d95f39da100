// Package webapp is the browser app's logic that needs no browser: the
// models and the noise the person chose, running an input through both
// autoencoders, the metrics, and the pictures (PNG data URLs) the page
// shows. The wasm/ package wires it to the DOM; this one is tested natively.
package webapp
