//go:build js && wasm

package main

import (
	"context"
	"sync"
)

// decodes lets the browser decode one upload at a time: each decodes the
// whole file in a worker (a 40-megapixel photo takes 160 MB there), so
// boxes dragged in quick succession, or files picked one after another,
// would otherwise decode as many at once. A new upload (one whose file
// passed the checks: Store.PassedChecks) stops the decode under way, whose
// result the page would drop anyway, and those waiting their turn; a finer decode (a zoom) that waited looks at the upload as
// it is then, and finds it refined already or wanting only the last box's
// part.
var decodes decoder

type decoder struct {
	running sync.Mutex // held by the decode under way

	mu      sync.Mutex
	uploads int                // uploads started
	stop    context.CancelFunc // stops the decode under way; nil if none
}

// upload stops any decode under way, waits for it to end and returns the
// context for the new upload's decode, which done ends; the context has
// ended already if a later upload started while this one waited.
func (d *decoder) upload() (ctx context.Context, done func()) {
	d.mu.Lock()
	d.uploads++
	mine := d.uploads
	if d.stop != nil {
		d.stop()
	}
	d.mu.Unlock()
	ctx, done = d.start()
	d.mu.Lock()
	if d.uploads != mine {
		d.stop()
	}
	d.mu.Unlock()
	return ctx, done
}

// zoom waits for its turn and returns the context for a finer decode,
// which done ends; ok is false if an upload started while it waited.
func (d *decoder) zoom() (ctx context.Context, done func(), ok bool) {
	d.mu.Lock()
	uploads := d.uploads
	d.mu.Unlock()
	ctx, done = d.start()
	d.mu.Lock()
	ok = d.uploads == uploads
	d.mu.Unlock()
	if !ok {
		done()
	}
	return ctx, done, ok
}

// start waits for the decode under way to end and starts the next.
func (d *decoder) start() (context.Context, func()) {
	d.running.Lock()
	ctx, cancel := context.WithCancel(context.Background())
	d.mu.Lock()
	d.stop = cancel
	d.mu.Unlock()
	return ctx, func() {
		d.mu.Lock()
		d.stop = nil
		d.mu.Unlock()
		cancel()
		d.running.Unlock()
	}
}
