//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// startBox begins gesture g at x, y on the picture at url, and captures
// the pointer of event e for the element it went down on, which then gets
// its moves until it is up, wherever they are. The element takes the
// keyboard's focus too (the press's default, which would, is prevented so
// that no text is selected), so that Escape drops a corner tapped on it.
func startBox(g *webapp.BoxGesture, e *vecty.Event, x, y float64, url string) {
	g.Start(x, y, url, e.Get("pointerType").String() == "touch", e.Get("clientY").Float())
	el := e.Get("currentTarget")
	capturePointer(e)
	el.Call("focus", map[string]any{"preventScroll": true})
}

// capturePointer has the element pointer event e went to (its current
// target) get the pointer's moves until it is up, wherever they are. A
// pointer the browser does not know as down (an event made by a script,
// with an id no pointer has) cannot be captured, and the browser throws:
// the press goes on uncaptured rather than stop the app.
func capturePointer(e *vecty.Event) {
	el := e.Get("currentTarget")
	_ = thrown(func() { el.Call("setPointerCapture", e.Get("pointerId")) })
}

// ended does what a box's end asks over the picture at url: takes the box
// (shares of the picture), or says why not. take takes a box, in shares of
// the surface it was chosen on (the picture, or its enlarged part); a tap
// is a corner of one (Store.TapCorner), on surface on, showing view.
func ended(s *webapp.Store, on webapp.Surface, view webapp.Inset, left, top, right, bottom float64, end webapp.BoxEnd, take func(left, top, right, bottom float64)) {
	switch end {
	case webapp.BoxTaken:
		take(left, top, right, bottom)
	case webapp.BoxTap:
		if l, t, r, b, ok := s.TapCorner(on, left, top, view); ok {
			take(l, t, r, b)
		}
	case webapp.BoxSmall:
		s.TooSmallBox()
	case webapp.BoxGone:
		s.BoxOnAnotherPicture()
	}
}

// swiped scrolls what holds the picture under pointer event e (the result's
// column, where it scrolls, or else the page) as a swipe of the finger that
// pressed there would have, and says whether the press is such a swipe
// (webapp.BoxGesture.Swiping); w×h is the picture's size on the screen.
func swiped(g *webapp.BoxGesture, e *vecty.Event, x, y, w, h float64) bool {
	if !g.Swiping(x, y, w, h) {
		return false
	}
	dy := g.Scroll(e.Get("clientY").Float())
	scroller := js.Global().Get("document").Get("scrollingElement")
	for el := e.Get("currentTarget").Get("parentElement"); el.Truthy(); el = el.Get("parentElement") {
		overflow := js.Global().Call("getComputedStyle", el).Get("overflowY").String()
		if (overflow == "auto" || overflow == "scroll") && el.Get("scrollHeight").Int() > el.Get("clientHeight").Int() {
			scroller = el
			break
		}
	}
	scroller.Call("scrollBy", 0, dy)
	return true
}

// cornerMark is the dot at the first corner of a box tapped, if c is one
// (nil: none), at m (a mark of no size, in percent of its square).
func cornerMark(id string, c *webapp.Corner, m webapp.Mark) vecty.ComponentOrHTML {
	if c == nil {
		return nil
	}
	return elem.Div(vecty.Markup(prop.ID(id), vecty.Class("corner"), vecty.Attribute("aria-hidden", "true"),
		vecty.Style("left", fmt.Sprintf("%.2f%%", m.Left)), vecty.Style("top", fmt.Sprintf("%.2f%%", m.Top))))
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
