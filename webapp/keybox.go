package webapp

// KeyBox is a box over an upload's picture that the keyboard moves and
// sizes, so that a part of the picture can be chosen without a pointer:
// its edges are shares of the picture's width and height.
type KeyBox struct{ Left, Top, Right, Bottom float64 }

// StartKeyBox is the box the keyboard starts from where nothing better is
// known: the whole picture.
func StartKeyBox() KeyBox { return KeyBox{0, 0, 1, 1} }

// keyRoom is how far the keyboard's first box on an upload reaches past
// the digit found each way, as a share of the digit's side: the digit
// shows whole inside it, and so does where a stroke that preparation left
// out would be.
const keyRoom = 0.25

// StartKeyBox is the box the keyboard starts from on u's picture: around
// the digit found, with room (keyRoom), so that it takes a few keys to
// take a part that cut the digit short or to move to a second digit, not
// a dozen to narrow the whole picture down; the whole picture when no
// digit was found or the picture was taken whole (around says which).
func (u Upload) StartKeyBox() (b KeyBox, around bool) {
	if _, ok := u.Found(); !ok {
		return StartKeyBox(), false
	}
	l, t, r, bo := u.inPicture(u.Info.Area())
	dx, dy := keyRoom*(r-l), keyRoom*(bo-t)
	b = KeyBox{Left: max(0, l-dx), Top: max(0, t-dy), Right: min(1, r+dx), Bottom: min(1, bo+dy)}
	b.Left, b.Right = atLeast(b.Left, b.Right)
	b.Top, b.Bottom = atLeast(b.Top, b.Bottom)
	return b, true
}

// atLeast widens the span lo..hi about its centre to minKeyBox, within
// 0..1, if it is narrower.
func atLeast(lo, hi float64) (float64, float64) {
	if hi-lo >= minKeyBox {
		return lo, hi
	}
	c := min(1-minKeyBox/2, max(minKeyBox/2, (lo+hi)/2))
	return c - minKeyBox/2, c + minKeyBox/2
}

// keyStep is how far an arrow key moves the box, as a share of the box's
// side that way, within keyStepMin and keyStepMax of the picture: a box
// around a small digit moves by a fraction of it, not past it. keyScale is
// how much Shift and an arrow key narrow or shorten it (or widen or
// heighten, by its inverse), about its centre.
const (
	keyStep    = 0.25
	keyStepMin = 0.01
	keyStepMax = 0.05
	keyScale   = 0.8
)

// step is how far an arrow key moves a box whose side is side.
func step(side float64) float64 { return max(keyStepMin, min(keyStepMax, keyStep*side)) }

// Key is the box after the key (a KeyboardEvent's key, with Shift held or
// not): an arrow key moves it (step), or, with Shift, makes it
// narrower (left), wider (right), shorter (up) or taller (down). It stays
// within the picture and at least a hundredth of it each way (a digit of
// 30 pixels in a 3,000-pixel photo). False for any other key.
func (b KeyBox) Key(key string, shift bool) (KeyBox, bool) {
	dx, dy := 0.0, 0.0
	switch key {
	case "ArrowLeft":
		dx = -1
	case "ArrowRight":
		dx = 1
	case "ArrowUp":
		dy = -1
	case "ArrowDown":
		dy = 1
	default:
		return b, false
	}
	if shift {
		b.Left, b.Right = resize(b.Left, b.Right, dx)
		b.Top, b.Bottom = resize(b.Top, b.Bottom, dy)
		return b, true
	}
	b.Left, b.Right = move(b.Left, b.Right, dx*step(b.Right-b.Left))
	b.Top, b.Bottom = move(b.Top, b.Bottom, dy*step(b.Bottom-b.Top))
	return b, true
}

// minKeyBox is the least side of a KeyBox, as a share of the picture.
const minKeyBox = 0.01

// move moves the span lo..hi by d within 0..1.
func move(lo, hi, d float64) (float64, float64) {
	d = max(-lo, min(1-hi, d))
	return lo + d, hi + d
}

// resize scales the span lo..hi about its centre by keyScale (dir −1) or
// its inverse (dir 1), within 0..1 and no smaller than minKeyBox; dir 0
// leaves it.
func resize(lo, hi, dir float64) (float64, float64) {
	if dir == 0 {
		return lo, hi
	}
	f := keyScale
	if dir > 0 {
		f = 1 / keyScale
	}
	c, half := (lo+hi)/2, max(minKeyBox, (hi-lo)*f)/2
	return max(0, c-half), min(1, c+half)
}
