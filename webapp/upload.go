package webapp

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"
	"slices"
	"strings"

	"github.com/godae/dae/digitprep"
)

// Upload is an uploaded image: where the page shows it from (an object
// URL), the picture as decoded (the page decodes it at
// digitprep.WorkSize), the part of it that is the digit's (the whole
// picture unless the person chose a part), and the model input prepared
// from that part, with what preparation did.
type Upload struct {
	Name, URL string
	Picture   image.Image
	Part      image.Rectangle // of Picture's bounds
	Input     []float32       // nil when no digit was found in Part
	Info      digitprep.Info  // of preparing Part
	// NoDigit is why Part has no input: no digit was found in it
	// (digitprep.NoDigit), and the page asks the person to drag a box
	// around theirs.
	NoDigit error
	// zoomed says that Input was prepared from the file decoded again at
	// a finer scale (FinishZoom).
	zoomed bool
	// whole is the input prepared from the whole picture, as FinishUpload
	// and FinishZoom made it, for WholePicture to take again.
	whole prepared
}

// prepared is a model input, what preparation did to make it, and
// whether it was made from the file decoded again at a finer scale.
type prepared struct {
	input   []float32
	info    digitprep.Info
	zoomed  bool
	noDigit error
}

// minPart is the smallest part of a picture, in its pixels each way, that
// the person may choose as the digit's.
const minPart = digitprep.MinSide

// pending is an upload under way: its ticket's number and its file's name.
type pending struct {
	n    int
	name string
}

// StartUpload is called when an upload of the file named name begins,
// before its file is checked and decoded; the page says it is reading it
// until it is done (State.Reading).
func (s *Store) StartUpload(name string) Ticket {
	var t Ticket
	s.do(func(st *State) { t = s.start(st, name, st.Mode) })
	return t
}

// start begins the upload of the file named name, given on the tab mode.
func (s *Store) start(st *State, name string, mode Mode) Ticket {
	s.uploads++
	s.reading = append(s.reading, pending{s.uploads, name})
	s.refusals = nil
	st.Reading, st.UploadMessage = name, ""
	return Ticket{n: s.uploads, mode: mode}
}

// StartKeptUpload is StartUpload for an upload the page kept from before
// a reload and reads again, unless an upload was given since the page
// opened (ok is false then: that one is the person's latest). It is shown
// on the upload tab without bringing that tab to the front, nor is its
// refusal (the tab shown is the one the address names).
func (s *Store) StartKeptUpload(name string) (t Ticket, ok bool) {
	s.do(func(st *State) {
		if ok = s.uploads == 0; ok {
			s.kept++
			t = s.start(st, name, "") // no tab's: FinishUpload brings the upload tab forward only for the tab the upload began on
		}
	})
	return t, ok
}

// Unread says, on the upload tab, that the file named name was not read,
// and why (err): the page was reloaded while it read it. Like the refusal
// of an upload read back after a reload, it does not bring the upload tab
// forward. Nothing is
// said once an upload was given since the page opened (said is false
// then): that one is the person's latest.
func (s *Store) Unread(name string, err error) (said bool) {
	s.do(func(st *State) {
		if said = s.uploads == s.kept; said {
			s.refusals = append(s.refusals, fmt.Sprintf("%s: %v", name, err))
			st.UploadMessage = refusalsSaid(s.refusals)
		}
	})
	return said
}

// ReadingGiven is the name of the latest upload the person gave that is
// still under way, or "": not one kept from before a reload.
func (s *Store) ReadingGiven() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.reading) - 1; i >= 0; i-- {
		if p := s.reading[i]; p.n > s.kept { // a kept upload is read before any is given
			return p.name
		}
	}
	return ""
}

// PassedChecks is called when the file of the upload begun with t has
// passed the checks made before it is decoded (its size, its header: see
// digitprep), and says whether the page is to decode it. Only such a file
// supersedes the uploads begun before it: the page stops their decodes,
// and the store drops their results. Until then an earlier upload is still
// taken when it finishes: a file refused by the checks, given while a
// picture is read, does not cost that picture. False when a later upload
// passed its checks first (where files are checked at once, a small one
// sooner than a large one given before it): t's upload is superseded
// then, and must not stop the later one's decode.
func (s *Store) PassedChecks(t Ticket) (decode bool) {
	s.do(func(st *State) {
		if decode = t.n >= s.checked; decode {
			s.supersede(st, t)
		}
	})
	return decode
}

// supersede makes the uploads begun before t's superseded: their results
// are dropped, and the page no longer says it is reading them.
func (s *Store) supersede(st *State, t Ticket) {
	s.checked = max(s.checked, t.n)
	s.reading = slices.DeleteFunc(s.reading, func(p pending) bool { return p.n < t.n })
	s.sayReading(st)
}

// done says that the upload of ticket t is no longer under way.
func (s *Store) done(st *State, t Ticket) {
	s.reading = slices.DeleteFunc(s.reading, func(p pending) bool { return p.n == t.n })
	s.sayReading(st)
}

// superseded says whether upload t was superseded: a later one passed
// the checks, or was taken.
func (s *Store) superseded(t Ticket) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return t.n < s.checked
}

// sayReading has the page say it is reading the latest upload still under
// way, if any.
func (s *Store) sayReading(st *State) {
	st.Reading = ""
	if len(s.reading) > 0 {
		st.Reading = s.reading[len(s.reading)-1].name
	}
}

// maxRefusalsSaid is how many refusals of files given together (since the
// last file was given) the page names; it counts the others.
const maxRefusalsSaid = 3

// refusalsSaid is the refusals of the files given together, the last
// maxRefusalsSaid of them named.
func refusalsSaid(refusals []string) string {
	if n := len(refusals) - maxRefusalsSaid; n > 0 {
		return fmt.Sprintf("%s (and %d more files refused)", strings.Join(refusals[n:], "; "), n)
	}
	return strings.Join(refusals, "; ")
}

// FinishUpload takes an upload begun with t, decoded into img (or failed
// with err), whose picture the page shows from url, and prepares it with
// the store's Preparer (PrepareWith), waiting for it (in the browser, call
// it on a goroutine of its own; with err set it prepares nothing, and
// returns at once). An upload is dropped when a later one was taken or
// passed the checks (PassedChecks), and so is one whose decode was
// stopped (only a later upload stops one); otherwise it becomes the
// upload, and is shown unless another tab was chosen meanwhile (the
// upload tab shows it when chosen). A file that
// cannot be taken is said in State.UploadMessage, with those refused since
// the last file was given (files given together), and the upload tab
// shown for it unless another tab was chosen meanwhile; the last upload
// stays, and so does the refusal of a later file while an earlier one is
// taken. It returns the object URL that is no longer shown (the replaced
// upload's, or url itself if it is not used), for the page to release, or
// "".
func (s *Store) FinishUpload(t Ticket, name, url string, img image.Image, err error) (release string) {
	if err == nil && img == nil {
		err = errors.New("the browser gave no picture")
	}
	// Prepared outside the lock, as the page has a worker prepare it;
	// an upload superseded already is not.
	var u *Upload
	if err == nil && !s.superseded(t) {
		u, err = prepareUpload(s.preparer(), name, url, img, img.Bounds())
	}
	release = url
	s.do(func(st *State) {
		s.done(st, t)
		if t.n < s.checked || errors.Is(err, context.Canceled) {
			return // superseded (before it was prepared, or since)
		}
		if err != nil {
			s.refusals = append(s.refusals, fmt.Sprintf("%s: %v", name, err))
			st.UploadMessage = refusalsSaid(s.refusals)
			if st.Mode == t.mode && st.Mode != ModeUpload { // a paste: its refusal is said on the upload tab
				st.Mode, st.Message = ModeUpload, ""
				s.show(st)
			}
			return
		}
		s.supersede(st, t)
		if st.Upload != nil {
			release = st.Upload.URL
		} else {
			release = ""
		}
		st.Upload = u
		if t.n == s.uploads { // else a later file was refused, which stays said
			s.refusals, st.UploadMessage = nil, ""
		}
		if st.Mode == t.mode { // no tab chosen meanwhile
			st.Mode, st.Message = ModeUpload, ""
		}
		s.show(st)
	})
	return release
}

// Zoom is a part of an upload's source file for the page to decode again
// at a finer scale (see digitprep.Info.ZoomArea), and which upload and
// which part of its picture it refines.
type Zoom struct {
	// Left, Top, Right, Bottom are shares of the source's width and height
	// (the picture's too: it is the source, scaled).
	Left, Top, Right, Bottom float64
	url                      string
	part                     image.Rectangle // Upload.Part, which the zoom refines
	inPart                   [4]float64      // the same edges, as shares of part
}

// Zoom says which part of the upload's source file, of srcW×srcH pixels,
// the page decodes again at a finer scale: the digit found in the part of
// the picture taken (the whole, or the one the person chose) is small in
// the picture, which the page decoded at digitprep.WorkSize, and the file
// holds more detail; or what was found there is only a dot, only a line, or too small to
// read, which a finer look may find to be a digit. The area lies within
// the part taken. False when it need not, or the input was made so
// already.
func (u Upload) Zoom(srcW, srcH int) (Zoom, bool) {
	pb := u.Picture.Bounds()
	if u.zoomed || u.NoDigit != nil && !digitprep.TooSmall(u.NoDigit) || pb.Dx() <= 0 || pb.Dy() <= 0 {
		return Zoom{}, false
	}
	// The part's size in the source's pixels.
	partW := int(math.Round(float64(u.Part.Dx()) * float64(srcW) / float64(pb.Dx())))
	partH := int(math.Round(float64(u.Part.Dy()) * float64(srcH) / float64(pb.Dy())))
	l, t, r, b, ok := u.Info.ZoomArea(partW, partH)
	if !ok {
		return Zoom{}, false
	}
	z := Zoom{url: u.URL, part: u.Part, inPart: [4]float64{l, t, r, b}}
	z.Left, z.Top, z.Right, z.Bottom = u.inPicture(l, t, r, b)
	return z, true
}

// FinishZoom takes the part of the source that z names decoded at a finer
// scale into img (or failed with err), and prepares it in place of the
// coarse input (Preparer.Refine, with the store's Preparer). It changes
// nothing when z's upload is no longer the one shown, another part was
// chosen meanwhile (or while it was prepared: it waits for the Preparer,
// so in the browser it runs on a goroutine of its own), decoding
// failed or the finer look did not refine the digit: the coarse input
// stands. A zoom of the whole picture is kept for WholePicture even when a
// part was chosen meanwhile.
func (s *Store) FinishZoom(z Zoom, img image.Image, err error) {
	defer s.doIf(func(st *State) bool {
		was := st.Refining
		st.Refining = false
		return was
	})
	if err != nil || img == nil {
		return
	}
	coarse, ok := z.coarse(s.State().Upload)
	if !ok {
		return
	}
	// Refined outside the lock (see Preparer), and taken only if the
	// upload was not changed meanwhile.
	l, t, r, b := z.inPart[0], z.inPart[1], z.inPart[2], z.inPart[3]
	in, info, ok := s.preparer().Refine(img, coarse, l, t, r, b)
	if !ok {
		return
	}

	s.do(func(st *State) {
		u := st.Upload
		if now, ok := z.coarse(u); !ok || now != coarse {
			return
		}
		next := *u
		if z.part == u.Picture.Bounds() {
			next.whole = prepared{input: in, info: info, zoomed: true}
		} else {
			info.AtEdge = false // the edges of the person's box are theirs (prepareUpload)
		}
		if u.Part == z.part {
			next.Input, next.Info, next.zoomed, next.NoDigit = in, info, true, nil
			if st.Message == u.Note() {
				st.Message = "" // the note that no digit was found
			}
		}
		st.Upload = &next
		if st.Mode == ModeUpload {
			s.show(st)
		}
	})
}

// StartZoom says that the page decodes a part of the upload's file again,
// finer, and FinishZoom comes, whatever its outcome (State.Refining).
func (s *Store) StartZoom() {
	s.do(func(st *State) { st.Refining = true })
}

// coarse is what z refines in u, the upload shown: what was found in the
// part of the picture z was asked for; ok is false when z is not of u, or
// that part was refined already or is no longer taken.
func (z Zoom) coarse(u *Upload) (coarse digitprep.Info, ok bool) {
	switch {
	case u == nil || u.URL != z.url:
		return coarse, false
	case u.Part == z.part && u.zoomed, u.Part != z.part && (z.part != u.Picture.Bounds() || u.whole.zoomed):
		return coarse, false // done already, or a part no longer taken
	case u.Part != z.part:
		return u.whole.info, true
	}
	return u.Info, true
}

// ChoosePart takes the part of the upload's picture between left and
// right, top and bottom (shares of its width and height, 0 to 1) as the
// digit's, for a picture in which preparation took other ink for the
// digit (a smudge, a line, another digit), and shows it; the page then
// asks Upload.Zoom whether to decode that part of the file again, finer.
// A part too small, or with nothing in it that stands out, leaves the
// upload as it was, with a message; one with only a dot or ink too small
// to read is taken, for that finer look. A box around the whole picture
// is WholePicture. It says
// whether it took a new part (of which the page may decode more). It
// waits for the store's Preparer: in the browser, call it on a goroutine
// of its own.
func (s *Store) ChoosePart(left, top, right, bottom float64) (taken bool) {
	return s.ChoosePartIn("", 0, 0, left, top, right, bottom)
}

// smallBox and tapped are what the page says of a box too small to hold
// a digit, and of a tap on the picture.
const (
	smallBox = "that box is too small to hold a digit: drag one around the whole digit"
)

// BoxOnAnotherPicture is called when a box dragged on an upload's picture
// ends after another upload came in its place: it is not taken, and the
// page says so.
func (s *Store) BoxOnAnotherPicture() {
	s.do(func(st *State) {
		if st.Upload != nil && st.Mode == ModeUpload {
			st.Message = boxElsewhere
		}
	})
}

// TooSmallBox is called when the box the person chose on the upload's
// picture was too small to hold a digit (a slip, or two taps too near):
// the page says how to draw one rather than do nothing.
func (s *Store) TooSmallBox() {
	s.do(func(st *State) {
		st.Corner = nil // a slip, not a second tap
		if st.Upload != nil && st.Mode == ModeUpload {
			st.Message = smallBox
		}
	})
}

// boxElsewhere is what the page says of a box drawn on a picture that
// another upload replaced before the box was taken.
const boxElsewhere = "the box was begun on the picture before this one, so it was not taken: drag it again"

// ChoosePartIn is ChoosePart for a box drawn on the picture at url (""
// for the one shown), whose file is srcW×srcH pixels (0, 0: the picture's
// size): a box is too small if it is so in the file, which is decoded
// again there, finer (Upload.Zoom), when it is small in the picture. A
// box on a picture no longer shown is not taken.
func (s *Store) ChoosePartIn(url string, srcW, srcH int, left, top, right, bottom float64) (taken bool) {
	return s.choosePartIn(url, srcW, srcH, left, top, right, bottom, true)
}

// RestorePartIn is ChoosePartIn for the box kept with an upload read back
// after a reload (StartKeptUpload): like that upload, it is taken without
// bringing the upload tab forward (the tab shown is the one the address
// names), and, should it be refused, that is said only on the upload tab.
func (s *Store) RestorePartIn(url string, srcW, srcH int, left, top, right, bottom float64) (taken bool) {
	return s.choosePartIn(url, srcW, srcH, left, top, right, bottom, false)
}

// choosePartIn is ChoosePartIn, bringing the upload tab forward if
// forward.
func (s *Store) choosePartIn(url string, srcW, srcH int, left, top, right, bottom float64, forward bool) (taken bool) {
	// What the box is, decided under the lock; a part to prepare is
	// prepared outside it (see Preparer) and taken if no other box was
	// chosen, nor another picture uploaded, meanwhile.
	var u *Upload
	var part image.Rectangle
	var box int
	toPrepare := false
	s.doIf(func(st *State) (changed bool) {
		s.boxGen++
		box = s.boxGen
		st.Corner = nil     // a box chosen otherwise: the corner tapped is not one of it
		st.Choosing = false // a box being prepared is not taken after this one, refused or not
		u = st.Upload
		if u == nil {
			st.Message = "upload a picture first"
			return true
		}
		if url != "" && u.URL != url {
			st.Message = boxElsewhere
			return true
		}
		if !(0 <= left && left < right && right <= 1 && 0 <= top && top < bottom && bottom <= 1) {
			st.Message = fmt.Sprintf("the box %.2f, %.2f to %.2f, %.2f is not a part of the picture", left, top, right, bottom)
			return true
		}
		part = digitprep.PartOf(u.Picture.Bounds(), left, top, right, bottom)
		if part == u.Picture.Bounds() {
			st.Upload = u.wholeAgain()
			s.showTaken(st, forward)
			return true
		}
		pb := u.Picture.Bounds()
		if srcW <= 0 || srcH <= 0 {
			srcW, srcH = pb.Dx(), pb.Dy()
		}
		if (right-left)*float64(srcW) < minPart || (bottom-top)*float64(srcH) < minPart {
			st.Message = smallBox
			return true
		}
		toPrepare = true
		st.Choosing = true
		return true
	})
	if !toPrepare {
		return false
	}
	var next *Upload
	var err error
	if part.Dx() < minPart || part.Dy() < minPart {
		// Too small in the picture to prepare, not in the file: taken,
		// its ink as if too small to read, for the finer look.
		next = &Upload{Name: u.Name, URL: u.URL, Picture: u.Picture, Part: part, NoDigit: digitprep.ErrSmallDigit,
			Info: digitprep.Info{Width: part.Dx(), Height: part.Dy(), Bounds: image.Rect(0, 0, part.Dx(), part.Dy()), Inverted: u.whole.info.Inverted}}
	} else {
		next, err = prepareUpload(s.preparer(), u.Name, u.URL, u.Picture, part)
	}
	if err == nil && !digitprep.TooSmall(next.NoDigit) {
		// A dot or ink too small in the part is taken still: the page
		// looks at it again, finer, from the file (Zoom).
		err = next.NoDigit
	}
	s.do(func(st *State) {
		if box != s.boxGen {
			return // another box came meanwhile, which says when it is done
		}
		st.Choosing = false
		now := st.Upload
		if now == nil || now.URL != u.URL {
			return // another picture came meanwhile
		}
		if err != nil {
			if !forward && st.Mode != ModeUpload {
				return
			}
			st.Message = fmt.Sprintf("the box chosen: %v", err)
			st.refused = &refusedBox{url: now.URL, part: now.Part, message: st.Message, box: [4]float64{left, top, right, bottom}}
			return
		}
		next.whole = now.whole // refined meanwhile, maybe
		st.Upload = next
		s.showTaken(st, forward)
		taken = true
	})
	return taken
}

// showTaken shows the upload just taken in st, bringing the upload tab
// forward if bring; else the tab shown stays, and so does what it says.
func (s *Store) showTaken(st *State, bring bool) {
	if bring {
		st.Mode, st.Message = ModeUpload, ""
	} else if st.Mode == ModeUpload {
		st.Message = ""
	}
	s.show(st)
}

// refusedBox is a box drawn on an upload in which no digit was found: the
// upload's picture and the part of it taken then, and what the page said
// of the box.
type refusedBox struct {
	url     string
	part    image.Rectangle
	message string
	box     [4]float64 // shares of the picture: left, top, right, bottom
}

// Refused is where the page draws the last box drawn on the upload in
// which no digit was found, while the page says so: the person sees what
// they tried, to draw a better one (the box went as it was refused). False
// once anything else is said, or another picture or part is shown; a finer
// look at the part shown (FinishZoom) keeps it.
func (st State) Refused() (Mark, bool) {
	r := st.refused
	if r == nil || st.Upload == nil || r.url != st.Upload.URL || r.part != st.Upload.Part || r.message != st.Message {
		return Mark{}, false
	}
	return st.Upload.Shown(r.box[0], r.box[1], r.box[2], r.box[3]), true
}

// WholePicture takes the whole of the upload's picture again, as it was
// uploaded (and refined by FinishZoom).
func (s *Store) WholePicture() {
	s.do(func(st *State) {
		s.boxGen++ // a box being prepared is not taken after it
		st.Corner, st.Choosing = nil, false
		u := st.Upload
		if u == nil {
			return
		}
		st.Upload, st.Mode, st.Message = u.wholeAgain(), ModeUpload, ""
		s.show(st)
	})
}

// Finding says whether the page's Message is what it found in the upload
// shown (no digit in it, and what to do), not an error: the page shows it
// as a note.
func (st State) Finding() bool {
	return st.Upload != nil && st.Message != "" && st.Message == st.Upload.Note()
}

// Note is what the page says of the upload: why it has no input, if it
// has none, and what to do. It says where it looked: in the box the
// person chose, or in the file.
func (u Upload) Note() string {
	where := u.Name
	if _, chosen := u.Chosen(); chosen {
		where = "In your box on " + u.Name
	}
	switch {
	case u.NoDigit == nil:
		return ""
	case errors.Is(u.NoDigit, digitprep.ErrSmallDigit):
		return fmt.Sprintf("%s: %v", where, u.NoDigit)
	}
	return fmt.Sprintf("%s: %v; if there is one, drag a box around it on the picture", where, u.NoDigit)
}

// wholeAgain is u with the whole picture taken again, as it was prepared
// when uploaded (and refined).
func (u Upload) wholeAgain() *Upload {
	u.Part, u.Input, u.Info, u.zoomed, u.NoDigit = u.Picture.Bounds(), u.whole.input, u.whole.info, u.whole.zoomed, u.whole.noDigit
	return &u
}

// prepareUpload prepares part of picture as the model's input, with p; an
// upload with NoDigit set when preparation found no digit in it.
func prepareUpload(p Preparer, name, url string, picture image.Image, part image.Rectangle) (*Upload, error) {
	img := picture
	if part != picture.Bounds() {
		// Prepare takes a 28×28 image as MNIST-format, not as a picture
		// to find a digit in; a part of a larger picture is a picture.
		if part.Dx() == digitprep.Side && part.Dy() == digitprep.Side {
			part = widen(part, picture.Bounds())
		}
		img = subImage(picture, part)
	}
	in, info, err := p.Prepare(img)
	if err != nil && !digitprep.NoDigit(err) {
		return nil, err
	}
	if part != picture.Bounds() {
		info.AtEdge = false // the edges of the person's box are theirs, round the digit
	}
	// A picture with no digit found stays, for the person to point at it.
	u := &Upload{Name: name, URL: url, Picture: picture, Part: part, Input: in, Info: info, NoDigit: err}
	if part == picture.Bounds() {
		u.whole = prepared{input: in, info: info, noDigit: err}
	}
	return u, nil
}

// widen is r, a part of b other than the whole, one pixel wider or taller
// within b.
func widen(r, b image.Rectangle) image.Rectangle {
	switch {
	case r.Max.X < b.Max.X:
		r.Max.X++
	case r.Min.X > b.Min.X:
		r.Min.X--
	case r.Max.Y < b.Max.Y:
		r.Max.Y++
	default:
		r.Min.Y--
	}
	return r
}

// subImage is the part r of img, sharing its pixels where img's type can.
func subImage(img image.Image, r image.Rectangle) image.Image {
	if s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return s.SubImage(r)
	}
	out := image.NewRGBA(r)
	draw.Draw(out, r, img, r.Min, draw.Src)
	return out
}

// Found is where the page draws a box around the digit that preparation
// found, on the picture as shown (around the whole picture too, when it
// took ink at its edges for the digit): false for a picture of 28×28
// pixels, taken whole as MNIST-format, and when it found none.
func (u Upload) Found() (Mark, bool) {
	if u.NoDigit != nil || u.Part.Dx() == digitprep.Side && u.Part.Dy() == digitprep.Side {
		return Mark{}, false
	}
	left, top, right, bottom := u.Info.Area() // shares of the part
	return u.inPart(left, top, right, bottom), true
}

// Chosen is where the page draws the part of the picture that the person
// chose as the digit's: false when they chose none.
func (u Upload) Chosen() (Mark, bool) {
	if u.Part == u.Picture.Bounds() {
		return Mark{}, false
	}
	return u.inPart(0, 0, 1, 1), true
}

// Cut says whether the box the person chose may cut through the digit:
// the ink found in it comes within cutSlack of one of its edges, past which
// the digit found in the whole picture goes on. A box that cuts along a
// stroke leaves ink that runs along its edge, which the finding that a
// digit runs into the picture's edge (digitprep.Info.AtEdge) does not
// take for a cut; then the page asks for a larger box.
func (u Upload) Cut() bool {
	if u.Part == u.Picture.Bounds() || u.NoDigit != nil || u.whole.noDigit != nil || u.whole.input == nil {
		return false
	}
	pb := u.Picture.Bounds()
	il, it, ir, ib := u.inPicture(u.Info.Area()) // the ink found in the box
	bl, bt, br, bb := u.inPicture(0, 0, 1, 1)    // the box
	wl, wt, wr, wb := u.whole.info.Area()        // the digit found in the whole picture
	if wr <= bl || wl >= br || wb <= bt || wt >= bb {
		return false // the box is round other ink
	}
	at := func(ink, edge float64, of int) bool { return math.Abs(ink-edge)*float64(of) <= cutSlack }
	return at(il, bl, pb.Dx()) && wl < bl || at(ir, br, pb.Dx()) && wr > br ||
		at(it, bt, pb.Dy()) && wt < bt || at(ib, bb, pb.Dy()) && wb > bb
}

// cutSlack is how near, in the picture's pixels, the ink found in a box
// must come to its edge for the box to cut it (Cut).
const cutSlack = 2

// inPart is the box between left and right, top and bottom (shares of the
// part) as the page shows the picture.
func (u Upload) inPart(left, top, right, bottom float64) Mark {
	return u.Shown(u.inPicture(left, top, right, bottom))
}

// inPicture is the box between left and right, top and bottom (shares of
// the part) as shares of the picture's width and height.
func (u Upload) inPicture(left, top, right, bottom float64) (l, t, r, b float64) {
	pb := u.Picture.Bounds()
	x := func(share float64) float64 {
		return (float64(u.Part.Min.X-pb.Min.X) + share*float64(u.Part.Dx())) / float64(pb.Dx())
	}
	y := func(share float64) float64 {
		return (float64(u.Part.Min.Y-pb.Min.Y) + share*float64(u.Part.Dy())) / float64(pb.Dy())
	}
	return x(left), y(top), x(right), y(bottom)
}

// Shown is the box between left and right, top and bottom (shares of the
// picture's width and height) as the page shows the picture.
func (u Upload) Shown(left, top, right, bottom float64) Mark {
	b := u.Picture.Bounds()
	return shown(b.Dx(), b.Dy(), left, top, right, bottom)
}

// At is the point at x, y (shares of the square the page shows the
// picture in) as shares of the picture's width and height, clamped to it.
func (u Upload) At(x, y float64) (float64, float64) {
	b := u.Picture.Bounds()
	return unshown(b.Dx(), b.Dy(), x, y)
}
