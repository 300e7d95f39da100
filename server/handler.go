package main

import (
	"bytes"
	"net/http"
	"strconv"
	"time"
)

// policy is what the served pages may do.
type policy struct {
	csp string
	// isolate sends Cross-Origin-Embedder-Policy, which (with the opener
	// policy every response has) makes the page cross-origin isolated.
	isolate bool
}

// appPolicy allows the app's own files, WebAssembly compilation, and the
// data: and blob: images the app makes; nothing else.
var appPolicy = policy{
	csp: "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
		"connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}

// benchPolicy is that of -site mode, which serves the browser benchmark:
// TF.js builds functions from strings, so scripts may also eval there, and
// cross-origin isolation gives the page 5 µs timers instead of 100 µs ones
// (everything it loads is same-origin).
var benchPolicy = policy{
	csp: "default-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	isolate: true,
}

// handler serves the assets and /healthz.
type handler struct {
	assets map[string]*asset
	start  time.Time
	policy policy
}

// unpackedLength is the header that gives a compressed response the
// length of the file it unpacks to: boot.js says how much of the app has
// come out of its download ("3.1 of 6.2 MB"), which Content-Length, the
// compressed length, cannot say. Static hosts get it from _headers.
const unpackedLength = "X-Unpacked-Length"

// assetCacheControl is how the app's files may be cached: kept, but
// revalidated on every use, as their URLs are not content-hashed.
const assetCacheControl = "no-cache"

func (h *handler) securityHeaders(hd http.Header) {
	hd.Set("Content-Security-Policy", h.policy.csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	if h.policy.isolate {
		hd.Set("Cross-Origin-Embedder-Policy", "require-corp")
	}
}

// ServeHTTP answers GET and HEAD for the assets and /healthz, with the
// security headers on every response.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.securityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/healthz" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
		return
	}
	a, ok := h.assets[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.contentType)
	hd.Set("Cache-Control", assetCacheControl)
	hd.Set("Vary", "Accept-Encoding")
	body, etag := a.body, a.etag
	enc := chooseEncoding(r.Header.Get("Accept-Encoding"), a)
	switch enc {
	case "br":
		body, etag = a.br, a.etagBr
		hd.Set("Content-Encoding", "br")
	case "gzip":
		body, etag = a.gzip, a.etagGzip
		hd.Set("Content-Encoding", "gzip")
	}
	if enc != "" {
		hd.Set(unpackedLength, strconv.Itoa(len(a.body)))
	}
	hd.Set("ETag", etag)
	// ServeContent handles If-None-Match (304), If-Range, HEAD and ranges.
	http.ServeContent(lengthWriter{newStallWriter(w), len(body)}, r, "", h.start, bytes.NewReader(body))
}
