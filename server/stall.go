package main

import (
	"errors"
	"net/http"
	"time"
)

// writeStall is how long a client may take to take in the next part of a
// response (writePart) before the server gives up on it. It bounds each
// part rather than the whole response, so that a client on a slow link
// gets a large file (the app's wasm, of a few MiB, took longer than the
// whole-response deadline this replaced at under 40 KB/s, and was cut off
// for ever), while a client that stops reading still frees its connection.
// A variable so that the tests can shorten it.
var writeStall = 30 * time.Second

// writeMost is the longest a response may take in all: a client taking a
// part just before each deadline would hold its connection for hours (the
// largest file the server keeps, maxAsset, in parts of writePart). The
// app's wasm, compressed as browsers take it, comes in time at a few KB/s
// (README, The app: the server). A variable so that the tests can shorten it.
var writeMost = 15 * time.Minute

// writePart is how much of a response is written under one deadline: at
// 1 KB/s a part takes about as long as writeStall allows.
const writePart = 32 << 10

// stallWriter writes a response in parts of writePart bytes, each with a
// write deadline writeStall from its start, and none past end.
type stallWriter struct {
	http.ResponseWriter
	rc  *http.ResponseController
	end time.Time
}

// newStallWriter wraps w, for a response that may take writeMost from now.
func newStallWriter(w http.ResponseWriter) stallWriter {
	return stallWriter{w, http.NewResponseController(w), time.Now().Add(writeMost)}
}

// Write writes b a part at a time, moving the deadline before each.
func (w stallWriter) Write(b []byte) (int, error) {
	if len(b) == 0 {
		return w.ResponseWriter.Write(b) // as the writer under it has it (a first Write sends the header)
	}
	n := 0
	for len(b) > 0 {
		// A writer with no connection under it (httptest's) has no
		// deadline to move, and needs none.
		deadline := time.Now().Add(writeStall)
		if deadline.After(w.end) {
			deadline = w.end
		}
		if err := w.rc.SetWriteDeadline(deadline); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return n, err
		}
		m, err := w.ResponseWriter.Write(b[:min(len(b), writePart)])
		n += m
		if err != nil {
			return n, err
		}
		b = b[m:]
	}
	return n, nil
}

// Unwrap gives http.ResponseController the writer under it.
func (w stallWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
