package webapp

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/godae/dae/nn"
)

// Mode is how the person gives the page a digit: the page's tabs.
type Mode string

// The three ways to give the page a digit.
const (
	ModeGallery Mode = "gallery"
	ModeUpload  Mode = "upload"
	ModeDraw    Mode = "draw"
)

// Modes are the tabs in the order the page shows them.
var Modes = []Mode{ModeGallery, ModeUpload, ModeDraw}

// State is everything the page shows. Only the [Store]'s actions change it;
// the components render it and dispatch actions.
type State struct {
	Fatal   string // set when the page cannot work at all (the weights did not load)
	Message string // the last error, shown until the next action
	Weights string // which weights the seed's denoising model has: BundledWeights, or the name of the person's file
	// WeightsMessage says why the person's last weights file was refused,
	// beside the control they gave it with; "" once one is taken.
	WeightsMessage string
	// Denoisers is the denoiser each tab uses: the person's choice, else
	// the seed's model for the gallery (its lesson) and the strong model
	// for uploads and drawings.
	Denoisers Choice
	// Strong says where the strong model stands while it is not in use
	// ("loading", or why it could not be loaded); "" once it is loaded.
	Strong  string
	Ready   bool // the models are loaded
	Mode    Mode
	Noise   Noise
	Sample  int       // the gallery digit shown
	Drawing []float32 // the drawn digit as model input, before noise; nil before drawing
	Upload  *Upload   // the last upload prepared; nil before any
	// Corner is the first corner of a box tapped on the upload, or nil;
	// PendingCorner says whether it still waits.
	Corner *Corner
	// refused is the last box drawn on the upload in which no digit was
	// found (Refused).
	refused *refusedBox
	// Choosing says that a box chosen on the upload is being prepared
	// (ChoosePartIn): what is shown is still the digit before it, and what
	// the page said of that one is not to be said again meanwhile.
	Choosing bool
	// Reading is the name of the file an upload is reading and preparing,
	// while it does (the results shown are still the last ones); "" else.
	Reading string
	// Refining says that the upload shown is being looked at again, finer
	// (StartZoom to FinishZoom): its reading may change soon, so a screen
	// reader waits for it rather than say both.
	Refining bool
	// UploadMessage says why the last file given was refused (and the
	// others given with it), beside the control it was given with, until
	// another is given; "" once the last one given is taken (an earlier
	// one taken after it leaves its refusal said). It stays while another
	// tab is shown, as the refusal may come after the person went there.
	UploadMessage string
	// DrawNote says why the drawing is not taken as a digit yet (a dot, a
	// line), beside the canvas; "" once it is, or when it is cleared.
	DrawNote string
	// DrawOffEdge says that the drawing taken runs off the canvas
	// (OffEdge): the page says that only what is inside is read.
	DrawOffEdge bool
	// PenDown is set while a stroke is drawn: the plot, whose curves take
	// eleven steps to compute, is computed when the pen lifts rather than
	// started again (and left after a step) for every state of the stroke.
	PenDown bool
	Result  *Result // what the models made of the current input; nil if there is none
	// Curves are the plot's scores for the current digit (gallery or
	// drawing) and noise kind; nil while they are computed (UpdateCurves),
	// when they could not be (PlotFailed), and for uploads, which have no
	// clean digit to score against.
	Curves *Curves
	// PlotFailed says why the curves could not be computed for the
	// current digit and noise kind; they are not tried again until the
	// digit, the kind, the tab or the models change (a failure would fail
	// again). "" otherwise.
	PlotFailed string
	Walk       Walk // the code-space view
	// refusedLink is the Message that said why the address was not
	// followed (BadLink), while it may still be shown.
	refusedLink string
}

// curvesKey says what the curves were computed for: the digit, the noise
// kind and draw, and whether the strong model was there.
type curvesKey struct {
	mode    Mode
	sample  int
	drawing int // the drawing's number (Store.drawings)
	kind    string
	seed    uint64
	models  *Models // other weights, or the strong model come, make other curves
}

// Choice is a denoiser for each tab.
type Choice struct{ Gallery, Upload, Draw Denoiser }

// DefaultChoice is the page's first choice of denoisers.
func DefaultChoice() Choice { return Choice{Gallery: Seed, Upload: Strong, Draw: Strong} }

// Of is the denoiser of tab m.
func (c Choice) Of(m Mode) Denoiser {
	switch m {
	case ModeUpload:
		return c.Upload
	case ModeDraw:
		return c.Draw
	}
	return c.Gallery
}

// with returns the choice with tab m's denoiser set to d.
func (c Choice) with(m Mode, d Denoiser) Choice {
	switch m {
	case ModeUpload:
		c.Upload = d
	case ModeDraw:
		c.Draw = d
	default:
		c.Gallery = d
	}
	return c
}

// Original is the picture of the current digit as it was given: pixels
// (a gallery digit or a drawing, Side×Side), or the URL of an upload; both
// empty when there is none.
func (s State) Original() (pixels []float32, url string) {
	switch s.Mode {
	case ModeGallery:
		return Samples()[s.Sample].Pixels, ""
	case ModeDraw:
		return s.Drawing, ""
	default:
		if s.Upload != nil {
			return nil, s.Upload.URL
		}
		return nil, ""
	}
}

// Given names the digit given to the page, which a new one changes: the
// gallery's sample, the upload's file, or the drawing (one, however many
// strokes it takes). The page brings a result scrolled away back to its
// top when it changes: the new digit's tiles were left out of sight.
func (s State) Given() string {
	switch s.Mode {
	case ModeGallery:
		return fmt.Sprintf("gallery %d", s.Sample)
	case ModeUpload:
		if s.Upload != nil {
			return "upload " + s.Upload.URL
		}
	}
	return string(s.Mode)
}

// Ticket stands for an asynchronous action (an upload, a weights file)
// between its start and its end: [Store.FinishUpload] and
// [Store.FinishWeights] drop the result of one that a later one of the same
// kind has superseded.
type Ticket struct {
	n    int
	mode Mode // the tab shown when the action started
}

// Store holds the page's state and the models, and changes the state
// through its actions, each of which leaves the state consistent and then
// calls the change callback (when the state changed). It is safe for
// concurrent use: the page calls the actions of asynchronous work
// (decoding an upload, reading a weights file) from their own goroutines,
// and those that wait for the Preparer (FinishUpload, ChoosePart,
// ChoosePartIn, FinishZoom) too.
type Store struct {
	mu      sync.Mutex
	state   State
	models  *Models
	bundled *nn.Model // the seed's denoising model as the page came with it
	uploads int       // tickets given for uploads
	kept    int       // of them, for uploads kept from before a reload (StartKeptUpload)
	// checked is the last upload ticket whose file passed the checks made
	// before decoding, or was taken; the uploads begun before it are
	// superseded.
	checked  int
	reading  []pending // the uploads under way, oldest first
	refusals []string  // refused since the last file was given (State.UploadMessage)
	loads    int       // tickets given for weights files
	drawings int       // drawings taken, so that the curves know one from the next
	// curvesFor is what State.Curves were computed for; computing is the
	// key being computed now, if any.
	curvesFor, computing curvesKey
	// curves computes them: Models.Curves, or a failing one in a test.
	curves   func(m *Models, clean []float32, n Noise, digit int, step func() bool) (*Curves, error)
	onChange func()
	prep     Preparer // nil: Here
	// boxGen counts the boxes drawn (ChoosePartIn) and the whole pictures
	// taken again (WholePicture): a box prepared is taken only if no
	// other came after it.
	boxGen int
}

// NewStore returns a store with the page's first state (the gallery, the
// first sample, the default noise) and no models yet; onChange, if not
// nil, is called after every action.
func NewStore(onChange func()) *Store {
	return &Store{state: State{Mode: ModeGallery, Noise: DefaultNoise(), Weights: BundledWeights, Denoisers: DefaultChoice(), Strong: StrongLoading}, curves: (*Models).Curves, onChange: onChange}
}

// State returns the current state. Its slices are shared: read them only.
func (s *Store) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// do runs an action under the lock, then calls the change callback. The
// lock is released even if the action panics, so that the page's other
// actions do not wait for ever.
func (s *Store) do(action func(st *State)) {
	s.doIf(func(st *State) bool { action(st); return true })
}

// doIf is do for an action that says whether it changed the state: the
// change callback is called only if it did.
func (s *Store) doIf(action func(st *State) (changed bool)) {
	changed := func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		changed := action(&s.state)
		if s.state.Mode != ModeDraw {
			// A stroke ends with its tab, lifted or not (the tab can change
			// under a pen held down: a key, a paste, the address).
			s.state.PenDown = false
		}
		if s.state.Mode != ModeUpload {
			s.state.Corner = nil // and a box's first corner tapped with the upload's
		}
		return changed
	}()
	if changed && s.onChange != nil {
		s.onChange()
	}
}

// StrongLoading is State.Strong while the strong model loads.
const StrongLoading = "The strong model is still loading; until it comes, the seed's model denoises."

// Loaded takes the bundled models, or the error that kept them from
// loading, and shows the first gallery digit. The strong model may be
// missing from b; StrongLoaded brings it.
func (s *Store) Loaded(b Bundle, err error) {
	s.do(func(st *State) {
		if err == nil {
			s.models, err = NewModels(b)
			s.bundled = b.DAE
		}
		if err != nil {
			st.Fatal = "The page's models could not be loaded: " + strings.TrimSuffix(err.Error(), ".") + "."
			return
		}
		if b.Strong != nil {
			st.Strong = ""
		}
		st.Ready = true
		s.show(st)
	})
}

// RetryStrong is called when the person asks for the strong model again
// after it could not be loaded: it says that it loads, and whether the page
// should load it (false if it is loaded or loading already).
func (s *Store) RetryStrong() (load bool) {
	s.do(func(st *State) {
		if load = s.models != nil && s.models.Strong == nil && st.Strong != StrongLoading; load {
			st.Strong = StrongLoading
		}
	})
	return load
}

// StrongFailed says whether the strong model could not be loaded (and
// may be asked for again, RetryStrong).
func (st State) StrongFailed() bool { return st.Strong != "" && st.Strong != StrongLoading }

// StrongLoaded takes the strong model, which loads after the others, or
// the error that kept it from loading (the seed's model then stands in for
// it), and shows the current digit again.
func (s *Store) StrongLoaded(strong *nn.Model, err error) {
	s.do(func(st *State) {
		if s.models == nil {
			return // the page could not start; it says why
		}
		var next *Models
		if err == nil {
			next, err = s.models.WithStrong(strong)
		}
		if err != nil {
			st.Strong = "The strong model did not load (" + err.Error() + "); the seed's model stands in."
			s.show(st)
			return
		}
		s.models, st.Strong = next, ""
		s.show(st)
	})
}

// SetMode switches tabs and shows that tab's digit: the gallery's sample,
// the drawing, or the last upload.
func (s *Store) SetMode(m Mode) {
	s.do(func(st *State) {
		st.Mode, st.Message = m, ""
		s.show(st)
	})
}

// UseDenoiser makes d the current tab's denoiser and shows the digit
// with it.
func (s *Store) UseDenoiser(d Denoiser) {
	s.do(func(st *State) {
		if !slices.Contains(Denoisers, d) {
			st.Message = fmt.Sprintf("there is no denoiser %q", d)
			return
		}
		st.Denoisers, st.Message = st.Denoisers.with(st.Mode, d), ""
		s.show(st)
	})
}

// ShowSample shows gallery digit i with the chosen noise.
func (s *Store) ShowSample(i int) {
	s.do(func(st *State) {
		if i < 0 || i >= len(Samples()) {
			st.Message = fmt.Sprintf("there is no sample %d", i)
			return
		}
		st.Mode, st.Sample, st.Message = ModeGallery, i, ""
		s.show(st)
	})
}

// SetNoise changes the noise and shows the current digit with it.
func (s *Store) SetNoise(n Noise) { s.ChangeNoise(func(to *Noise) { *to = n }) }

// ChangeNoise changes the noise as change says (its kind, its amount or its
// draw) and shows the current digit with it. It changes the noise the
// store has, not the one the page drew last: two changes made before the
// page draws again (it draws on the next frame) both hold. change runs
// under the store's lock: it must not call the store.
func (s *Store) ChangeNoise(change func(n *Noise)) {
	s.do(func(st *State) {
		change(&st.Noise)
		st.Message = ""
		s.show(st)
	})
}

// Drew takes the drawing canvas's RGBA pixels (w×h, as getImageData
// returns them) as the digit, and shows it with the chosen noise.
func (s *Store) Drew(rgba []byte, w, h int) {
	s.do(func(st *State) {
		st.Mode, st.Message = ModeDraw, ""
		s.takeDrawing(st, rgba, w, h)
		s.show(st)
	})
}

// RestoreDrawing takes a drawing kept from before the page was reloaded
// (the canvas's RGBA pixels) as Drew does, but leaves the tab shown as it
// is: the page opens on the tab its address says.
func (s *Store) RestoreDrawing(rgba []byte, w, h int) {
	s.do(func(st *State) {
		s.takeDrawing(st, rgba, w, h)
		if st.Mode == ModeDraw {
			s.show(st)
		}
	})
}

// takeDrawing makes the canvas's pixels the drawing, or says why they are
// not a digit yet: then what was shown of an earlier state of the drawing
// goes, rather than be read as this one.
func (s *Store) takeDrawing(st *State, rgba []byte, w, h int) {
	in, err := FromDrawing(rgba, w, h)
	if err != nil {
		st.Drawing, st.DrawNote, st.DrawOffEdge = nil, err.Error(), false
		return
	}
	s.drawings++
	st.Drawing, st.DrawNote, st.DrawOffEdge = in, "", OffEdge(rgba, w, h)
}

// SetPenDown says that a stroke is being drawn (down) or is done. The
// pen's lifting is a change (the plot is computed then); its going down is
// not shown.
func (s *Store) SetPenDown(down bool) {
	s.doIf(func(st *State) bool {
		changed := st.PenDown != down
		st.PenDown = down
		return changed && !down
	})
}

// ClearDrawing forgets the drawing.
func (s *Store) ClearDrawing() {
	s.do(func(st *State) {
		st.Drawing, st.DrawNote, st.DrawOffEdge, st.Message = nil, "", false, ""
		s.show(st)
	})
}

// BundledWeights is State.Weights while the seed's denoising model has
// the weights the page came with.
const BundledWeights = "bundled (weights/dae.safetensors)"

// StartWeights is called when the person gives a weights file, before it
// is read.
func (s *Store) StartWeights() Ticket {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loads++
	return Ticket{n: s.loads, mode: s.state.Mode}
}

// FinishWeights takes the weights file begun with t, read into data (or
// failed with err), as the seed's denoising model, and shows the current
// digit with it (the tab the file was given on switches to that model). A bad file leaves the model in use as it was; a file that a
// later one superseded is dropped.
func (s *Store) FinishWeights(t Ticket, name string, data []byte, err error) {
	s.do(func(st *State) {
		if t.n != s.loads || s.models == nil {
			return
		}
		var next *Models
		if err == nil {
			next, err = s.models.LoadDAE(name, data)
		}
		if err != nil {
			st.WeightsMessage = fmt.Sprintf("%s: %v (the model in use is unchanged)", name, err)
			return
		}
		s.models, st.Weights, st.WeightsMessage, st.Message = next, name, "", ""
		st.Denoisers = st.Denoisers.with(t.mode, Seed) // the tab it was given on
		forgetSeedCodes(st)
		s.show(st)
	})
}

// UseBundledWeights gives the seed's model the weights the page came with
// again, in place of the person's, and shows the current digit with them;
// a weights file still being read is dropped.
func (s *Store) UseBundledWeights() {
	s.do(func(st *State) {
		if s.models == nil || st.Weights == BundledWeights {
			return
		}
		next, err := s.models.WithDAE(s.bundled)
		if err != nil {
			st.WeightsMessage = err.Error()
			return
		}
		s.loads++
		s.models, st.Weights, st.WeightsMessage = next, BundledWeights, ""
		forgetSeedCodes(st)
		s.show(st)
	})
}

// forgetSeedCodes drops the walk's ends taken with the seed's model, whose
// weights changed: codes of the weights replaced are not codes of these.
func forgetSeedCodes(st *State) {
	if st.Walk.A != nil && st.Walk.A.Denoiser == Seed || st.Walk.B != nil && st.Walk.B.Denoiser == Seed {
		st.Walk.A, st.Walk.B, st.Walk.Between, st.Walk.Taken = nil, nil, nil, ""
	}
}

// show runs the current tab's digit through the models into st.Result:
// the gallery's sample and the drawing with the chosen noise, the upload as
// it is (or, when no digit was found in it, says so).
func (s *Store) show(st *State) {
	st.Result = nil
	if st.Walk.noDigit { // said of the digit shown before: there may be one now
		st.Walk.Note, st.Walk.noDigit = "", false
	}
	if st.Mode == ModeUpload && st.Upload != nil && st.Message == "" {
		st.Message = st.Upload.Note()
	}
	if s.models == nil {
		return
	}
	var input, clean []float32
	switch st.Mode {
	case ModeGallery:
		clean = Samples()[st.Sample].Pixels
	case ModeDraw:
		clean = st.Drawing
	case ModeUpload:
		if st.Upload != nil {
			input = st.Upload.Input
		}
	}
	if clean == nil || s.curvesKey(st) != s.curvesFor {
		st.Curves, st.PlotFailed = nil, "" // UpdateCurves computes them
	}
	if clean != nil {
		var err error
		if input, err = st.Noise.Apply(clean); err != nil {
			st.Message = err.Error()
			return
		}
	}
	if input == nil {
		return
	}
	d := st.Denoisers.Of(st.Mode)
	if d == Strong && s.models.Strong == nil {
		d = Seed // State.Strong says why
	}
	r, err := s.models.Run(d, input, clean)
	if err != nil {
		st.Message = err.Error()
		return
	}
	if st.Mode == ModeGallery {
		r.Label = Samples()[st.Sample].Label
	}
	if clean != nil {
		if err := r.NoteNoise(st.Noise); err != nil {
			st.Message = err.Error()
			return
		}
	}
	st.Result = r
	if err := s.models.nudged(&st.Walk, r); err != nil {
		st.Message = err.Error()
	}
}

// SetWalkEnd makes the digit shown one end of the walk: "A" or "B". An end
// taken with another denoiser than the other end's has the other end's
// digit coded again by its denoiser: codes of two models do not mix, and
// the tabs start with different denoisers, so a walk from a drawing to a
// gallery digit would else lose its first end.
func (s *Store) SetWalkEnd(which string) {
	s.do(func(st *State) {
		w := &st.Walk
		r := st.Result
		w.Taken = "" // until it is
		if r == nil || s.models == nil {
			w.Note, w.noDigit = "There is no digit to take the code of: pick a sample, upload or draw one first.", true
			if st.Mode == ModeUpload && st.Upload != nil && st.Upload.NoDigit != nil {
				w.Note = "There is no digit to take the code of: no digit was found in the picture; drag a box around it first."
			}
			return
		}
		end := walkEnd(r)
		// this is the end taken, other the end not taken.
		var this, other **WalkEnd
		switch which {
		case "A":
			this, other = &w.A, &w.B
		case "B":
			this, other = &w.B, &w.A
		default:
			st.Message = fmt.Sprintf("there is no end %q", which)
			return
		}
		note, kept := "", *other
		if o := *other; o != nil && o.Denoiser != end.Denoiser {
			// Coded again by this end's denoiser, before either end
			// changes: a walk is never between two models' codes.
			again, err := s.models.Run(end.Denoiser, o.Input, nil)
			if err != nil {
				st.Message = err.Error()
				return
			}
			kept = walkEnd(again) // its input is o's
			note = fmt.Sprintf("The other end was coded by %s and this one by %s: codes of two models do not mix, so the other end's digit is coded by %s now too.", o.Title, end.Title, end.Title)
		}
		*this, *other = end, kept
		w.Note, w.noDigit = note, false
		st.Message = ""
		if err := s.models.between(w); err != nil {
			st.Message = err.Error()
			return
		}
		w.Taken = taken(which, end, kept)
	})
}

// SetWalkT moves the point between the ends: 0 at A, 1 at B.
func (s *Store) SetWalkT(t float64) {
	s.do(func(st *State) {
		if !(t >= 0 && t <= 1) || s.models == nil {
			st.Message = fmt.Sprintf("the point %g is not between 0 and 1", t)
			return
		}
		st.Walk.T, st.Message = t, ""
		if err := s.models.between(&st.Walk); err != nil {
			st.Message = err.Error()
		}
	})
}

// SetNudge nudges unit of the current digit's code by amount (a share of
// the code's largest value, −1 to 1).
func (s *Store) SetNudge(unit int, amount float64) {
	s.do(func(st *State) { s.nudge(st, unit, amount) })
}

// PickUnit chooses unit of the current digit's code to nudge, as a click
// on its heat map does: by the nudge already chosen, or, when none is, by
// the code's largest value, so that the click shows what the unit does.
// It says whether the unit was nudged.
func (s *Store) PickUnit(unit int) (nudged bool) {
	s.do(func(st *State) {
		amount := st.Walk.Nudge
		if amount == 0 {
			amount = 1
		}
		nudged = s.nudge(st, unit, amount)
	})
	return nudged
}

func (s *Store) nudge(st *State, unit int, amount float64) bool {
	if !(amount >= -1 && amount <= 1) || s.models == nil || st.Result == nil || unit < 0 || unit >= len(st.Result.Latent) {
		st.Message = fmt.Sprintf("cannot nudge unit %d by %g", unit, amount)
		return false
	}
	st.Walk.Unit, st.Walk.Nudge, st.Message = unit, amount, ""
	if err := s.models.nudged(&st.Walk, st.Result); err != nil {
		st.Message = err.Error()
		return false
	}
	return true
}

// curvesKey is what the curves of st's digit are computed for.
func (s *Store) curvesKey(st *State) curvesKey {
	k := curvesKey{mode: st.Mode, kind: st.Noise.Kind, seed: st.Noise.Seed, models: s.models}
	switch st.Mode {
	case ModeGallery:
		k.sample = st.Sample
	case ModeDraw:
		k.drawing = s.drawings
	}
	return k
}

// UpdateCurves computes the plot's curves for the current digit if they
// are missing, outside the lock (the page calls it on a goroutine of its
// own after each change; step lets it yield to the browser between noise
// amounts), and keeps them if the digit, the noise kind and the models are
// still those they were computed for. A computation that the page has moved
// on from stops at its next step, so that a drawing in progress or a quick
// series of clicks does not pile computations up. It does nothing for
// uploads, while a stroke is drawn (State.PenDown: they are computed when
// the pen lifts), or when the curves are current, already being computed,
// or could not be computed for what is shown (State.PlotFailed).
func (s *Store) UpdateCurves(step func()) {
	s.mu.Lock()
	st := &s.state
	var clean []float32
	label := -1
	switch st.Mode {
	case ModeGallery:
		sample := Samples()[st.Sample]
		clean, label = sample.Pixels, sample.Label
	case ModeDraw:
		clean = st.Drawing
	}
	key, m, n := s.curvesKey(st), s.models, st.Noise
	if clean == nil || m == nil || st.Result == nil || st.Curves != nil || st.PlotFailed != "" || key == s.computing || st.PenDown {
		s.mu.Unlock()
		return
	}
	s.computing = key
	s.mu.Unlock()

	current := func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.curvesKey(&s.state) == key
	}
	c, err := s.curves(m, clean, n, label, func() bool {
		if step != nil {
			step()
		}
		return current()
	})
	s.do(func(st *State) {
		if s.computing == key {
			s.computing = curvesKey{}
		}
		if s.curvesKey(st) != key {
			return // the page has moved on; its own computation comes
		}
		if errors.Is(err, ErrStopped) {
			return // stopped for a change since undone: computed again
		}
		if err != nil {
			st.PlotFailed, s.curvesFor = err.Error(), key
			return
		}
		st.Curves, s.curvesFor = c, key
	})
}
