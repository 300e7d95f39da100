package webapp

// Surface is where on the page a box is chosen on an upload: its picture,
// or the enlarged part of it around a small digit.
type Surface int

const (
	OnPicture Surface = iota // the picture as given (its tile)
	OnInset                  // the enlarged part around a small digit
)

// Corner is the first corner of a box tapped on an upload (for those who
// cannot drag), waiting for the second: in shares of the surface tapped,
// of the upload (its picture's URL) and, on the enlarged part, of the part
// shown then. Another upload, or the part moved, leaves it waiting for
// nothing; a box taken otherwise, the whole picture again, or another tab
// drops it.
// (A finer look at the same picture does not: the picture is the same.)
type Corner struct {
	On   Surface
	X, Y float64
	url  string
	view Inset
}

// CornerMarked is what the page says while a first corner waits.
const CornerMarked = "One corner marked: tap the opposite corner of a box around the digit (a drag" + CornerEscape + " starts again)."

// CornerEscape is the part of CornerMarked that a phone, with no Escape
// key, leaves out.
const CornerEscape = ", or Escape,"

// PendingCorner is the first corner tapped on surface, showing view (on
// the enlarged part), if one waits for its second: none once another
// upload is shown, a box was taken by any means, the whole picture taken
// again, or the part shown has moved.
func (st State) PendingCorner(on Surface, view Inset) (c Corner, ok bool) {
	if !st.Corner.Waits(st.Upload, on, view) {
		return Corner{}, false
	}
	return *st.Corner, true
}

// Waits says whether c (nil: none) is a first corner tapped on surface on
// of upload u as it is shown, showing view on the enlarged part.
func (c *Corner) Waits(u *Upload, on Surface, view Inset) bool {
	return c != nil && u != nil && c.url == u.URL && c.On == on && (on == OnPicture || c.view == view)
}

// TapCorner takes a tap at x, y (shares of surface on, showing view): the
// first corner of a box, or, with a first corner waiting there, the
// second, and then the box between the two to take, if it is not too
// small to hold a digit (the page says so when it is).
func (s *Store) TapCorner(on Surface, x, y float64, view Inset) (left, top, right, bottom float64, take bool) {
	s.do(func(st *State) {
		first, waiting := st.PendingCorner(on, view)
		st.Corner = nil
		if st.Upload == nil || st.Mode != ModeUpload {
			return
		}
		if !waiting {
			st.Corner = &Corner{On: on, X: x, Y: y, url: st.Upload.URL, view: view}
			st.Message = ""
			return
		}
		left, top, right, bottom = BoxBetween(first.X, first.Y, x, y)
		if tooSmall(left, top, right, bottom) {
			st.Message = smallBox
			return
		}
		take = true
	})
	return left, top, right, bottom, take
}

// DropCorner forgets the first corner tapped, if any (Escape on the
// picture). (Another tab drops it too: Store.doIf's rule.)
func (s *Store) DropCorner() {
	s.doIf(func(st *State) bool {
		changed := st.Corner != nil
		st.Corner = nil
		return changed
	})
}
