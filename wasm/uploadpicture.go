//go:build js && wasm

package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"github.com/godae/dae/webapp"
)

// UploadPicture is the picture as uploaded, with a box around the ink that
// preparation took as the digit and, when the person chose a part of the
// picture, a dashed box around that part. Dragging a box over the picture
// (mouse, pen or finger), or moving and sizing one with the keyboard,
// chooses the part that holds the digit, for a picture in which
// preparation took other ink for it, or found none.
type UploadPicture struct {
	vecty.Core
	Store   *webapp.Store  `vecty:"prop"`
	Upload  *webapp.Upload `vecty:"prop"`
	Corner  *webapp.Corner `vecty:"prop"` // the first corner of a box tapped on the picture, or nil
	Refused *webapp.Mark   `vecty:"prop"` // the last box drawn in which no digit was found, or nil

	drag   webapp.BoxGesture // in shares of the picture
	keyBox keyBoxView        // the keyboard's (keys)
}

// choose takes the part of the picture between left and right, top and
// bottom as the digit's (choosePart).
func (u *UploadPicture) choose(left, top, right, bottom float64) {
	choosePart(u.Store, u.Upload.URL, left, top, right, bottom)
}

// keys is the picture's keyboard box, drawing and taking as the pointer's
// box does.
func (u *UploadPicture) keys() *keyBoxView {
	k := &u.keyBox
	k.what = "the picture"
	k.start = u.Upload.StartKeyBox
	k.picture = u.Upload.URL
	k.show = func(b *webapp.KeyBox) {
		if b == nil {
			showDrag(webapp.Mark{}, false)
			return
		}
		showDrag(u.Upload.Shown(b.Left, b.Top, b.Right, b.Bottom), true)
	}
	k.take = u.choose
	return k
}

// size is the picture's width and height on the screen, in CSS pixels,
// under pointer event e: it fills its square one way.
func (u *UploadPicture) size(e *vecty.Event) (w, h float64) {
	side := e.Get("currentTarget").Call("getBoundingClientRect").Get("width").Float()
	m := u.Upload.Shown(0, 0, 1, 1)
	return side * m.Width / 100, side * m.Height / 100
}

// at is where pointer event e is on the picture, as shares of its width
// and height, clamped to it.
func (u *UploadPicture) at(e *vecty.Event) (float64, float64) {
	r := e.Get("currentTarget").Call("getBoundingClientRect")
	side := r.Get("width").Float()
	return u.Upload.At((e.Get("clientX").Float()-r.Get("left").Float())/side, (e.Get("clientY").Float()-r.Get("top").Float())/side)
}

// showDrag draws the drag's box, or hides it (show false). It changes the
// element directly: the box follows the pointer between renders.
func showDrag(m webapp.Mark, show bool) { showDragIn("drag", m, show) }

// showDragIn draws the drag's box in the element of that id, or hides it.
func showDragIn(id string, m webapp.Mark, show bool) {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	st := el.Get("style")
	if !show {
		st.Set("display", "none")
		return
	}
	st.Set("display", "block")
	for k, v := range markStyle(m) {
		st.Set(k, v)
	}
}

// markStyle is the CSS position of a mark within its square.
func markStyle(m webapp.Mark) map[string]string {
	pct := func(v float64) string { return fmt.Sprintf("%.2f%%", v) }
	return map[string]string{"left": pct(m.Left), "top": pct(m.Top), "width": pct(m.Width), "height": pct(m.Height)}
}

// markBox is an element drawn at m, with the given id and class.
func markBox(id, class string, m webapp.Mark) *vecty.HTML {
	var style vecty.MarkupList
	for k, v := range markStyle(m) {
		style = vecty.Markup(style, vecty.Style(k, v))
	}
	return elem.Div(vecty.Markup(prop.ID(id), vecty.Class("mark", class), vecty.Attribute("aria-hidden", "true"), style))
}

// Render draws the picture, its marks and, when a part is chosen, the
// button that takes the whole picture again.
func (u *UploadPicture) Render() vecty.ComponentOrHTML {
	up := u.Upload
	u.keys().forget() // the keyboard's box of the picture before, if any
	if u.Corner == nil && !u.drag.Down() && u.keyBox.box == nil {
		// The box a tap would take, drawn as the mouse moved after a first
		// corner, goes with the corner, however it went (another upload, a
		// paste, the whole picture again), mouse moving or not.
		showDrag(webapp.Mark{}, false)
	}
	var marks vecty.List
	if m, ok := up.Chosen(); ok {
		marks = append(marks, markBox("chosen", "chosen", m))
	}
	if m, ok := up.Found(); ok {
		marks = append(marks, markBox("found", "found", m))
	}
	if m := u.Refused; m != nil {
		marks = append(marks, markBox("refused", "refused", *m))
	}
	var corner vecty.ComponentOrHTML
	if c := u.Corner; c != nil {
		corner = cornerMark("corner", c, up.Shown(c.X, c.Y, c.X, c.Y))
	}
	caption := "boxed: the digit as found" // how to box another: boxHint, under the tiles
	_, chosen := up.Chosen()
	_, found := up.Found()
	switch {
	case !found && up.NoDigit == nil:
		caption = "taken whole: a 28×28 picture is an MNIST digit already"
	case up.NoDigit != nil && chosen:
		caption = "dashed: your box" // what was found in it is said under the tiles
	case up.NoDigit != nil:
		caption = "" // said under the tiles
	case chosen:
		caption = "dashed: your box; solid: the digit found in it"
	}
	var whole vecty.ComponentOrHTML
	if _, ok := up.Chosen(); ok {
		whole = elem.Button(vecty.Markup(prop.ID("whole-picture"), vecty.Attribute("type", "button"), vecty.Class("small"),
			event.Click(func(*vecty.Event) {
				u.Store.WholePicture()
				keepPart(nil)
				// The button goes with the box: keep the keyboard's focus
				// on the picture rather than lose it to the page.
				js.Global().Get("document").Call("getElementById", "picture-frame").Call("focus")
			})), vecty.Text("Use the whole picture"))
	}
	// Larger while no digit is found in it, for the person to box theirs
	// on (style.css).
	return elem.Figure(vecty.Markup(vecty.Class("upload-picture"), vecty.ClassMap{"no-digit": up.NoDigit != nil}),
		elem.Div(
			vecty.Markup(
				vecty.Class("found-frame"), prop.ID("picture-frame"),
				event.PointerDown(func(e *vecty.Event) {
					if secondFinger(&u.drag, e) {
						showDrag(webapp.Mark{}, false)
						return
					}
					u.keys().drop() // a box of the pointer's replaces the keyboard's
					x, y := u.at(e)
					startBox(&u.drag, e, x, y, u.Upload.URL)
				}).PreventDefault(),
				event.PointerMove(func(e *vecty.Event) {
					if otherPointer(&u.drag, e) {
						return
					}
					if u.drag.Down() && swiped(&u.drag, e) { // it scrolled
						showDrag(webapp.Mark{}, false)
						return
					}
					x, y := u.at(e)
					switch {
					case u.drag.Down():
						// Not over another upload's picture, come meanwhile.
						showDrag(u.Upload.Shown(u.drag.Box(x, y)), u.drag.On() == u.Upload.URL)
					case u.keyBox.box == nil:
						// A mouse over the picture after a first corner:
						// the box a tap here would take. (The store's
						// corner, not the prop: a move may come between a
						// change and its render.)
						c, ok := u.Store.State().PendingCorner(webapp.OnPicture, webapp.Inset{})
						showDrag(u.Upload.Shown(webapp.BoxBetween(c.X, c.Y, x, y)), ok)
					}
				}),
				event.PointerLeave(func(*vecty.Event) {
					if !u.drag.Down() && u.keyBox.box == nil {
						showDrag(webapp.Mark{}, false)
					}
				}),
				event.PointerUp(func(e *vecty.Event) {
					if !u.drag.Down() || otherPointer(&u.drag, e) {
						return // the keyboard's box may be shown
					}
					swiped(&u.drag, e) // the last of a swipe's way, where its last move did not come
					showDrag(webapp.Mark{}, false)
					x, y := u.at(e)
					w, h := u.size(e)
					l, t, r, b, end := u.drag.End(x, y, u.Upload.URL, w, h)
					ended(u.Store, webapp.OnPicture, webapp.Inset{}, l, t, r, b, end, u.choose)
				}),
				event.PointerCancel(func(e *vecty.Event) {
					if otherPointer(&u.drag, e) {
						return
					}
					u.drag.Cancel()
					showDrag(webapp.Mark{}, false)
				}),
				vecty.Attribute("tabindex", "0"), boxPicker(),
				vecty.Attribute("aria-label", "your picture, "+up.Name+"; a box on it takes the digit from that part"),
				event.KeyDown(func(e *vecty.Event) {
					if e.Get("key").String() == "Escape" && u.Store.State().Corner != nil { // on either picture
						u.Store.DropCorner()
						showDrag(webapp.Mark{}, false)
					}
					u.keys().key(e)
				}),
				event.Blur(func(*vecty.Event) { u.keys().drop() }),
			),
			elem.Image(vecty.Markup(prop.ID("original"), prop.Src(up.URL), prop.Alt("your picture"), vecty.Class("digit"), vecty.Attribute("draggable", "false"))),
			marks,
			elem.Div(vecty.Markup(prop.ID("drag"), vecty.Class("mark", "chosen"), vecty.Attribute("aria-hidden", "true"), vecty.Style("display", "none"))),
			corner,
		),
		elem.FigureCaption(vecty.Text("Your picture"), elem.Break(),
			elem.Span(vecty.Markup(vecty.Class("reading")), vecty.Text(caption)),
			whole,
		),
		elem.Span(vecty.Markup(prop.ID("keybox-status"), vecty.Class("sr-only"), vecty.Attribute("aria-live", "polite"))),
	)
}

// boxHint says, by an upload's tiles, why a box drawn on the picture was
// not taken and what was found in it (no digit), or else how to take the
// digit from a part of the picture (the tile's caption is too narrow for
// it); the keys that do it from the keyboard follow.
func (r *Results) boxHint() *vecty.HTML {
	var say vecty.List
	if r.Message != "" {
		say = append(say, elem.Span(vecty.Markup(prop.ID("message"), vecty.Class("error")), vecty.Text(sentence(r.Message)+".")), vecty.Text(" "))
	}
	switch {
	case r.cornerWaits():
		// Escape is said where there are keys (not on a phone).
		before, after, _ := strings.Cut(webapp.CornerMarked, webapp.CornerEscape)
		say = append(say, elem.Span(vecty.Markup(prop.ID("corner-note"), vecty.Class("note")), vecty.Text(before), elem.Span(vecty.Markup(vecty.Class("keys")), vecty.Text(webapp.CornerEscape)), vecty.Text(after)))
	case r.Note != "":
		say = append(say, elem.Span(vecty.Markup(prop.ID("note"), vecty.Class("note")), vecty.Text(r.Note+".")))
	case r.severalNoted():
		text := several + ": drag a box around yours on the picture."
		if _, chosen := r.Upload.Chosen(); chosen {
			text = "Your box may hold more than one digit: drag one around yours alone."
		}
		say = append(say, elem.Span(vecty.Markup(prop.ID("several"), vecty.Class("note")), vecty.Text(text)))
	case r.Upload.Cut() && r.Message == "":
		say = append(say, elem.Span(vecty.Markup(prop.ID("box-cut"), vecty.Class("note")), vecty.Text(boxCuts)))
	case r.Upload.Info.AtEdge && r.Message == "":
		say = append(say, elem.Span(vecty.Markup(prop.ID("at-edge"), vecty.Class("note")), vecty.Text(atEdge)))
	}
	// How to box the digit, when nothing else is said, is not read out: it
	// came before the reader's verdict with every upload, and it is about
	// the pointer (the keys are the pictures' description: boxPicker).
	help := ""
	if len(say) == 0 && !r.Choosing { // not to a person who has just chosen a box
		help = "Not the digit, or not all of it? Drag a box around it on the picture, or tap two opposite corners of one."
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("hint", "box-hint"), prop.ID("box-hint")),
		elem.Span(vecty.Markup(prop.ID("box-said"), vecty.Attribute("role", "status")), say),
		vecty.Text(help),
		elem.Span(vecty.Markup(vecty.Class("keys"), prop.ID(boxKeys), vecty.Attribute("aria-hidden", "true")), vecty.Text(" From the keyboard: Enter on the picture, the arrows to move, Shift and the arrows to size, Enter.")))
}

// severalNoted says whether the box hint says that the picture, or the
// box chosen on it, may hold more than one digit (boxHint): not while it
// says why a box was refused (a box refused is not of several digits),
// that a corner waits for the other, or a note, nor while a box chosen is
// prepared (it told a person who had just drawn a box to draw one).
func (r *Results) severalNoted() bool {
	return r.Upload != nil && r.Upload.Info.Several && r.Message == "" && !r.cornerWaits() && r.Note == "" && !r.Choosing
}

// cornerWaits says whether the first corner of a box tapped on the
// picture or its enlarged part waits for the second.
func (r *Results) cornerWaits() bool {
	if r.corner(webapp.OnPicture, webapp.Inset{}) != nil {
		return true
	}
	in, ok := r.Upload.Inset()
	return ok && r.corner(webapp.OnInset, in) != nil
}

// boxCuts is what the page says of a box that may cut through the digit
// (webapp.Upload.Cut).
const boxCuts = "Your box may cut through the digit: the ink in it runs to the box's edge, and on past it in the picture. If part of the digit is outside the box, drag a larger one."

// atEdge is what the page says of a digit whose strokes run into the
// picture's edge (digitprep.Info.AtEdge).
const atEdge = "Your digit runs into the picture's edge: if part of it is cut off, the reading is of what is in the picture, and a photo with room round the digit reads it whole."

// several is what the page says of a picture that may hold more than one
// digit (digitprep.Info.Several).
const several = "This picture may hold more than one digit"
