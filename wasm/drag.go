//go:build js && wasm

package main

import (
	"github.com/hexops/vecty"

	"github.com/godae/dae/webapp"
)

// minDrag is the smallest box, as a share of what it is dragged over each
// way, that a drag chooses; less is a tap, which chooses nothing.
const minDrag = 0.02

// boxDrag is a box being dragged with a mouse, a pen or a finger over an
// upload's picture or its enlarged view, in shares of what it is dragged
// over. It remembers the picture it began on: a drag begun on one upload is
// not taken on the next, which may have come while the button was held.
type boxDrag struct {
	on     bool
	x0, y0 float64
	url    string
}

// start begins a drag at x, y on the picture at url, and captures the
// pointer of event e for the element it went down on, which then gets its
// moves until it is up, wherever they are.
func (d *boxDrag) start(e *vecty.Event, x, y float64, url string) {
	d.on, d.x0, d.y0, d.url = true, x, y, url
	e.Get("currentTarget").Call("setPointerCapture", e.Get("pointerId"))
}

// box is the box from where the drag began to x, y.
func (d *boxDrag) box(x, y float64) (left, top, right, bottom float64) {
	return min(d.x0, x), min(d.y0, y), max(d.x0, x), max(d.y0, y)
}

// maxTap is the most a pointer may move, as a share of what it is over,
// for its press and release to be a tap rather than a drag.
const maxTap = 0.005

// dragEnd is what a drag came to.
type dragEnd int

const (
	boxTaken  dragEnd = iota // a box to take
	boxSmall                 // too small to be a box: a slip
	boxTapped                // a tap
	boxGone                  // begun on a picture that another upload has replaced
)

// end ends the drag at x, y over the picture at url: its box, and what it
// came to.
func (d *boxDrag) end(x, y float64, url string) (left, top, right, bottom float64, end dragEnd) {
	d.on = false
	left, top, right, bottom = d.box(x, y)
	switch {
	case d.url != url:
		end = boxGone
	case right-left <= maxTap && bottom-top <= maxTap:
		end = boxTapped
	case right-left < minDrag || bottom-top < minDrag:
		end = boxSmall
	}
	return left, top, right, bottom, end
}

// ended does what a drag's end asks over the picture at url: takes its box
// (shares of the picture), or says why not.
func ended(s *webapp.Store, url string, left, top, right, bottom float64, end dragEnd) {
	switch end {
	case boxTaken:
		choosePart(s, url, left, top, right, bottom)
	case boxSmall, boxTapped:
		s.TooSmallBox(end == boxTapped)
	case boxGone:
		s.BoxOnAnotherPicture()
	}
}

// choosePart takes the part of the shown upload's picture between left and
// right, top and bottom (shares of it) as the digit's, a box too small in
// the file it came from refused, and has the file decoded again there if
// that helps. The part is prepared on a goroutine of its own, as the
// store waits for the worker that prepares it (webapp.Preparer), which an
// event may not.
func choosePart(s *webapp.Store, url string, left, top, right, bottom float64) {
	src, _ := sources.get(url) // none: the picture's size counts
	go func() {
		if s.ChoosePartIn(url, src.w, src.h, left, top, right, bottom) {
			zoomIn(s)
		}
	}()
}
