package webapp

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Link is what the page's address says after its '#': the tab shown, the
// gallery's digit and noise, and the denoiser chosen on each tab. The page
// keeps it up to date, so that a reload shows what was shown and a copied
// address shows another person the same digit, noise and model. Uploads
// and drawings are not in it: they stay on the person's machine.
type Link struct {
	Mode      Mode
	Sample    int // index in Samples(); the address counts from 1, as people do
	Noise     Noise
	Denoisers Choice
}

// The address's keys; a value equal to the page's first state is left out,
// so that the address of a page nobody has changed has no '#' at all.
const (
	linkTab    = "tab"
	linkSample = "sample"
	linkNoise  = "noise"
	linkAmount = "amount"
	linkRoll   = "roll" // the noise's draw (Noise.Seed), which "Re-roll noise" changes
	linkSuffix = "-model"
)

// MaxLinkLength is the longest fragment ParseLink reads, in bytes: the
// page's own are under a third of it (TestLongestLink), and a longer
// one is not worth parsing.
const MaxLinkLength = 512

// FirstLink is the Link of the page as it opens.
func FirstLink() Link {
	return Link{Mode: ModeGallery, Noise: DefaultNoise(), Denoisers: DefaultChoice()}
}

// Link is what the page's address says of st.
func (st State) Link() Link {
	return Link{Mode: st.Mode, Sample: st.Sample, Noise: st.Noise, Denoisers: st.Denoisers}
}

// Fragment is l as the address's fragment, without the '#': keys in a
// fixed order, only those that differ from FirstLink.
func (l Link) Fragment() string {
	first := FirstLink()
	var b strings.Builder
	add := func(key, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key + "=" + escape(value))
	}
	if l.Mode != first.Mode {
		add(linkTab, string(l.Mode))
	}
	if l.Sample != first.Sample {
		add(linkSample, strconv.Itoa(l.Sample+1))
	}
	if l.Noise.Kind != first.Noise.Kind {
		add(linkNoise, l.Noise.Kind)
	}
	if l.Noise.Amount != first.Noise.Amount {
		add(linkAmount, strconv.FormatFloat(l.Noise.Amount, 'f', -1, 64))
	}
	if l.Noise.Seed != first.Noise.Seed {
		add(linkRoll, strconv.FormatUint(l.Noise.Seed, 10))
	}
	for _, m := range Modes {
		if d := l.Denoisers.Of(m); d != first.Denoisers.Of(m) {
			add(string(m)+linkSuffix, string(d))
		}
	}
	return b.String()
}

// ParseLink reads an address's fragment (with or without its '#'), as
// Fragment writes it or a person edits it: keys in any order, each at most
// once. Anything it does not know is an error (a *LinkError) that names
// every wrong part and what would be right. The link is then what the
// right parts say, the page's first view for the rest, so that one value
// mistyped in a shared address does not lose the others; with no right
// part (or a fragment that is not key=value pairs, or too long), it is
// FirstLink and the error says that nothing was taken.
func ParseLink(fragment string) (Link, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	l := FirstLink()
	if fragment == "" {
		return l, nil
	}
	if len(fragment) > MaxLinkLength {
		return l, &LinkError{Wrong: []string{fmt.Sprintf("it is %d bytes long; the page's own are under %d", len(fragment), MaxLinkLength)}}
	}
	kvs, err := pairs(fragment)
	if err != nil {
		return l, &LinkError{Wrong: []string{err.Error()}}
	}
	count := map[string]int{}
	for _, kv := range kvs {
		count[kv.key]++
	}
	var wrong []string // what is wrong, in the address's order
	said := map[string]bool{}
	taken := false
	for _, kv := range kvs {
		switch {
		case count[kv.key] > 1 && !said[kv.key]:
			said[kv.key] = true
			wrong = append(wrong, fmt.Sprintf("it says %q more than once; once is the most", kv.key))
		case count[kv.key] > 1:
		default:
			if err := l.set(kv.key, kv.value); err != nil {
				wrong = append(wrong, err.Error())
			} else {
				taken = true
			}
		}
	}
	if len(wrong) > 0 {
		if len(wrong) > maxWrong {
			wrong = append(wrong[:maxWrong], fmt.Sprintf("%d more", len(wrong)-maxWrong))
		}
		return l, &LinkError{Wrong: wrong, Partly: taken}
	}
	return l, nil
}

// LinkError is what ParseLink found wrong in an address: each wrong part
// and what would be right, and whether the address's other parts were
// taken (Partly).
type LinkError struct {
	Wrong  []string
	Partly bool
}

// Error says what is wrong in the address, each part's fault in turn.
func (e *LinkError) Error() string { return strings.Join(e.Wrong, "; ") }

// Partly says whether err, from ParseLink, leaves parts of the address
// taken: the link it came with is then to be followed, and err said.
func Partly(err error) bool {
	var le *LinkError
	return errors.As(err, &le) && le.Partly
}

// maxWrong is how many of an address's wrong parts ParseLink names: all
// of them, so that the person mends them at once, unless there are more.
const maxWrong = 4

// escape is the inverse of url.PathUnescape, which pairs reads with: a
// space is written %20, not '+'.
func escape(value string) string {
	return strings.ReplaceAll(url.QueryEscape(value), "+", "%20")
}

// keyValue is one part of an address's fragment, unescaped.
type keyValue struct{ key, value string }

// pairs splits a fragment into its keys and their values, unescaped, in
// order. It is url.ParseQuery but for '+', which stays a plus sign (a
// person writes sample=+5 to mean 5, not " 5"): nothing the page writes
// has a space.
func pairs(fragment string) ([]keyValue, error) {
	var kvs []keyValue
	for part := range strings.SplitSeq(fragment, "&") {
		if part == "" {
			continue
		}
		if strings.Contains(part, ";") {
			return nil, errors.New("it is not key=value pairs joined by & (a ; is among them)")
		}
		k, v, _ := strings.Cut(part, "=")
		key, err1 := url.PathUnescape(k)
		value, err2 := url.PathUnescape(v)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("it is not key=value pairs joined by & (%v)", err)
		}
		kvs = append(kvs, keyValue{key, value})
	}
	return kvs, nil
}

// set sets what key says to value.
func (l *Link) set(key, value string) error {
	wrong := func(what string) error { return fmt.Errorf("%s=%q is not %s", key, value, what) }
	switch key {
	case linkTab:
		m := Mode(value)
		if !slices.Contains(Modes, m) {
			return wrong("a tab of the page (" + orList(Modes) + ")")
		}
		l.Mode = m
	case linkSample:
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > len(Samples()) {
			return wrong(fmt.Sprintf("a digit of the gallery (1 to %d)", len(Samples())))
		}
		l.Sample = n - 1
	case linkNoise:
		var kinds []string
		for _, k := range NoiseKinds {
			kinds = append(kinds, k.Kind)
		}
		if !slices.Contains(kinds, value) {
			return wrong("a noise the page offers (" + orList(kinds) + ")")
		}
		l.Noise.Kind = value
	case linkAmount:
		a, err := strconv.ParseFloat(value, 64)
		step, ok := amountStep(a)
		if err != nil || !ok {
			return wrong(fmt.Sprintf("an amount the slider offers (0 to 1 in steps of %g)", AmountStep/100.0))
		}
		// As the slider gives it, and 0 for -0.
		l.Noise.Amount = float64(step*AmountStep) / 100
	case linkRoll:
		s, err := strconv.ParseUint(strings.TrimPrefix(value, "+"), 10, 64) // +5, as Atoi and ParseFloat read it
		if err != nil {
			return wrong("a draw of the noise (a whole number from 0)")
		}
		l.Noise.Seed = s
	default:
		m, ok := strings.CutSuffix(key, linkSuffix)
		if !ok || !slices.Contains(Modes, Mode(m)) {
			return fmt.Errorf("%q is not a key the page knows (it knows %s)", key, strings.Join(linkKeys(), ", "))
		}
		d := Denoiser(value)
		if !slices.Contains(Denoisers, d) {
			return wrong("a denoiser of the page (" + orList(Denoisers) + ")")
		}
		l.Denoisers = l.Denoisers.with(Mode(m), d)
	}
	return nil
}

// linkKeys are the keys an address may have.
func linkKeys() []string {
	keys := []string{linkTab, linkSample, linkNoise, linkAmount, linkRoll}
	for _, m := range Modes {
		keys = append(keys, string(m)+linkSuffix)
	}
	return keys
}

// orList is "a, b or c".
func orList[S ~string](items []S) string {
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(it))
	}
	return b.String()
}

// FollowLink shows what l says: its tab, gallery digit, noise and
// denoisers. Called before the models are loaded, it sets them for the
// first view. A link that ParseLink would refuse is refused (BadLink).
func (s *Store) FollowLink(l Link) {
	if _, err := ParseLink(l.Fragment()); err != nil {
		s.BadLink(err)
		return
	}
	s.do(func(st *State) {
		st.Mode, st.Sample, st.Noise, st.Denoisers, st.Message = l.Mode, l.Sample, l.Noise, l.Denoisers, ""
		s.show(st)
	})
}

// BadLink says what of the page's address (err, from ParseLink) was not
// followed, after the rest was (FollowLink, when Partly(err)) or with what
// the page shows left as it was; the address is left for the person to
// mend while the page says why (State.AddressToMend).
func (s *Store) BadLink(err error) {
	what := "the address (after its #) was not followed: "
	if Partly(err) {
		what = "part of the address (after its #) was not followed: "
	}
	s.do(func(st *State) {
		st.Message = what + err.Error()
		st.refusedLink = st.Message
	})
}

// AddressToMend says whether the page says why it did not follow its
// address (BadLink): until it no longer does, the address stays as the
// person gave it, for them to mend.
func (st State) AddressToMend() bool { return st.refusedLink != "" && st.Message == st.refusedLink }

// Address is what the page's address says, as the page last read or
// wrote it, so that the page writes it again only when that changes.
type Address struct {
	link    Link
	mending bool // the address is one the page did not follow
	// step is the tab a key of the tabs is choosing (Step), while the
	// change it makes is not written yet; stepped says that the history's
	// entry is a run of such steps that has not ended (EndSteps, or
	// anything else written).
	step    Mode
	stepped bool
}

// NewAddress is the address of a page as it opens: FirstLink, no '#'.
func NewAddress() *Address { return &Address{link: FirstLink()} }

// Read records a link the page read from its address and followed: it
// need not be written back.
func (a *Address) Read(l Link) { a.link, a.mending, a.stepped = l, false, false }

// Step says that tab m, another than the one shown, is being chosen with
// a key of the tabs (an arrow key, Home, End), which choose tabs as the
// focus moves along them: of a run of such steps, only the first adds an
// entry to the history, and the others replace it, so that a key held
// down does not fill the history with the tabs passed, and Back returns
// to the tab the run began on. The run ends when the focus leaves the
// tabs (EndSteps), or anything else is written.
func (a *Address) Step(m Mode) { a.step = m }

// EndSteps ends a run of steps (Step): the focus left the tabs, and the
// person may have done something on the tab they chose (an upload, a
// drawing), which Back is to return to.
func (a *Address) EndSteps() { a.step, a.stepped = "", false }

// Write says, after a change to st, what to write after the address's '#'
// and whether to write it: when what st shows differs from what the
// address says, or when the page no longer says why it did not follow
// the address; not while it still says so. entry says that the tab
// changed (but for the steps of a run after its first: Step): the page
// then adds an entry to the browser's history, so that Back returns to
// the tab before (its upload or drawing still there), where other changes
// (a sample, the noise, a model) replace the entry, so that a slider's
// steps do not fill the history. The address written over once the page
// no longer says why it did not follow it is never an entry: it was the
// person's, and is replaced, whichever tab is shown.
func (a *Address) Write(st State) (fragment string, write, entry bool) {
	if st.AddressToMend() {
		a.mending = true
		return "", false, false
	}
	l := st.Link()
	if l == a.link && !a.mending {
		return "", false, false // after most actions (the walk, a nudge, an upload): nothing to write
	}
	newTab := l.Mode != a.link.Mode
	step := newTab && a.step == l.Mode
	if newTab {
		a.step = "" // taken, or a step not made
	}
	entry = newTab && !a.mending && !(step && a.stepped)
	a.link, a.mending, a.stepped = l, false, step
	return l.Fragment(), true, entry
}
