package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Flags that would fail only after the site is built and a browser started
// are refused first (-runs 0 panicked after the build).
func TestCheckFlags(t *testing.T) {
	set := func(runs int, engines string) { *repeat, *only = runs, engines }
	t.Cleanup(func() { set(3, "") })
	for _, c := range []struct {
		runs    int
		engines string
		err     string
	}{
		{3, "", ""},
		{1, "go-wasm,tfjs-cpu", ""},
		{0, "", "-runs 0: must be between 1 and 20"},
		{-1, "", "-runs -1: must be between 1 and 20"},
		{21, "", "-runs 21: must be between 1 and 20"},
		{3, "go-wasm,nope", `-engines: "nope" is not an engine; use go-wasm, go-wasm-strong, ort-wasm-simd, tfjs-wasm-simd, tfjs-wasm-scalar, tfjs-cpu, or several with commas`},
	} {
		set(c.runs, c.engines)
		if err := checkFlags(); c.err == "" {
			assert.NoError(t, err)
		} else {
			assert.EqualError(t, err, c.err)
		}
	}
}
