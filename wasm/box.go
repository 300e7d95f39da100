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
	id, _ := pointerID(e)
	g.Start(x, y, url, id, e.Get("pointerType").String() == "touch", e.Get("clientX").Float(), e.Get("clientY").Float())
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

// swiped says whether the press on a picture that pointer event e moves
// is a finger's swipe (webapp.BoxGesture.Swiping), and then scrolls as the
// finger went (scrollBy).
func swiped(g *webapp.BoxGesture, e *vecty.Event) bool {
	scale := 1.0
	if v := js.Global().Get("visualViewport"); v.Truthy() && v.Get("scale").Float() > 0 {
		scale = v.Get("scale").Float()
	}
	if !g.Swiping(e.Get("clientX").Float(), e.Get("clientY").Float(), scale) {
		return false
	}
	scrollBy(e.Get("currentTarget"), g.Scroll(e.Get("clientY").Float()))
	return true
}

// scrollBy scrolls what holds el by dy CSS pixels, as a finger's swipe
// would: the nearest box around it that scrolls (the result's column on a
// short wide screen) as far as it can that way, and the page the rest.
func scrollBy(el js.Value, dy float64) {
	for p := el.Get("parentElement"); p.Truthy() && dy != 0; p = p.Get("parentElement") {
		overflow := js.Global().Call("getComputedStyle", p).Get("overflowY").String()
		if overflow != "auto" && overflow != "scroll" {
			continue
		}
		top, room := p.Get("scrollTop").Float(), p.Get("scrollHeight").Float()-p.Get("clientHeight").Float()
		step := max(-top, min(room-top, dy))
		p.Call("scrollBy", 0, step)
		dy -= step
	}
	if dy != 0 {
		js.Global().Get("document").Get("scrollingElement").Call("scrollBy", 0, dy)
	}
}

// secondFinger ends the press under way on a picture when another
// pointer comes down on it (two fingers zoom the page: not a box), and
// says whether it did.
func secondFinger(g *webapp.BoxGesture, e *vecty.Event) bool {
	if !otherPointer(g, e) {
		return false
	}
	g.Cancel()
	return true
}

// otherPointer says whether pointer event e is not of the press under way
// on a picture (webapp.BoxGesture.Other): a second finger's.
func otherPointer(g *webapp.BoxGesture, e *vecty.Event) bool {
	id, _ := pointerID(e)
	return g.Other(id)
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
			keepPart(&[4]float64{left, top, right, bottom})
			zoomIn(s)
		}
	}()
}
