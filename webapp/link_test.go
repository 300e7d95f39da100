package webapp

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFirstLinkIsNoFragment(t *testing.T) {
	assert.Equal(t, "", FirstLink().Fragment())
	l, err := ParseLink("")
	require.NoError(t, err)
	assert.Equal(t, FirstLink(), l)
	l, err = ParseLink("#")
	require.NoError(t, err)
	assert.Equal(t, FirstLink(), l)
	// The first state of a new store is the first link.
	assert.Equal(t, FirstLink(), NewStore(nil).State().Link())
}

func TestLinkRoundTrip(t *testing.T) {
	links := []Link{
		{Mode: ModeUpload, Sample: 0, Noise: DefaultNoise(), Denoisers: DefaultChoice()},
		{Mode: ModeGallery, Sample: len(Samples()) - 1, Noise: Noise{Kind: SaltPepper, Amount: 0.35, Seed: 7}, Denoisers: DefaultChoice()},
		{Mode: ModeDraw, Sample: 3, Noise: Noise{Kind: Occlusion, Amount: 0, Seed: 0}, Denoisers: Choice{Gallery: Strong, Upload: Seed, Draw: Seed}},
		{Mode: ModeGallery, Noise: Noise{Kind: Gaussian, Amount: 1, Seed: 1<<64 - 1}, Denoisers: Choice{Gallery: Seed, Upload: Strong, Draw: Seed}},
	}
	for _, l := range links {
		f := l.Fragment()
		got, err := ParseLink("#" + f)
		require.NoError(t, err, f)
		assert.Equal(t, l, got, f)
	}
	assert.Equal(t, "tab=draw&sample=4&noise=occlusion&amount=0&roll=0&gallery-model=strong&upload-model=seed&draw-model=seed", links[2].Fragment())
}

// The page's longest address is well within what ParseLink reads.
func TestLongestLink(t *testing.T) {
	l := Link{Mode: ModeUpload, Sample: len(Samples()) - 1, Noise: Noise{Kind: SaltPepper, Amount: 0.35, Seed: 1<<64 - 1}, Denoisers: Choice{Gallery: Strong, Upload: Seed, Draw: Seed}}
	for _, m := range Modes {
		assert.NotEqual(t, FirstLink().Denoisers.Of(m), l.Denoisers.Of(m), "every key written")
	}
	assert.Less(t, len(l.Fragment()), MaxLinkLength/3, l.Fragment())
}

func TestParseLinkTakesKeysInAnyOrder(t *testing.T) {
	l, err := ParseLink("#roll=3&amount=0.2&sample=2&noise=saltpepper&tab=gallery&gallery-model=strong")
	require.NoError(t, err)
	assert.Equal(t, Link{Mode: ModeGallery, Sample: 1, Noise: Noise{Kind: SaltPepper, Amount: 0.2, Seed: 3}, Denoisers: Choice{Gallery: Strong, Upload: Strong, Draw: Strong}}, l)
}

func TestParseLinkRefusesWhatItDoesNotKnow(t *testing.T) {
	n := len(Samples())
	cases := map[string]string{
		"tab=settings":                `tab="settings" is not a tab of the page (gallery, upload or draw)`,
		"sample=0":                    fmt.Sprintf(`sample="0" is not a digit of the gallery (1 to %d)`, n),
		fmt.Sprintf("sample=%d", n+1): fmt.Sprintf(`is not a digit of the gallery (1 to %d)`, n),
		"sample=2.5":                  "is not a digit of the gallery",
		"sample=99999999999999999999": "is not a digit of the gallery",
		"noise=poisson":               `noise="poisson" is not a noise the page offers (gaussian, saltpepper or occlusion)`,
		"amount=1.01":                 `amount="1.01" is not an amount the slider offers (0 to 1 in steps of 0.05)`,
		"amount=0.333":                "is not an amount the slider offers",
		"amount=0.05000001":           "is not an amount the slider offers",
		"amount=NaN":                  "is not an amount the slider offers",
		"amount=Inf":                  "is not an amount the slider offers",
		"amount=":                     "is not an amount the slider offers",
		"amount=+0.35":                "", // '+' is a plus sign, not a space
		"sample=+5":                   "",
		"sample=%2B5":                 "",
		"sample= 5":                   `sample=" 5" is not a digit of the gallery`,
		"roll=-1":                     `roll="-1" is not a draw of the noise (a whole number from 0)`,
		"roll=18446744073709551616":   "is not a draw of the noise",
		"draw=3":                      `"draw" is not a key the page knows (it knows tab, sample, noise, amount, roll, gallery-model, upload-model, draw-model)`,
		"upload-model=tiny":           `upload-model="tiny" is not a denoiser of the page (seed or strong)`,
		"settings-model=seed":         `"settings-model" is not a key the page knows (it knows tab, sample, noise, amount, roll, gallery-model, upload-model, draw-model)`,
		"theme=dark":                  `"theme" is not a key the page knows`,
		"sample=2&sample=3":           `it says "sample" more than once; once is the most`,
		"roll=5&tab=draw&tab=upload":  `it says "tab" more than once`,
		"noise=foo&tab=a&tab=b":       `noise="foo" is not a noise the page offers (gaussian, saltpepper or occlusion); it says "tab" more than once`,
		"roll=+5":                     "",
		"sample=31&noise=foo&amount=0.33&tab=draw": `sample="31" is not a digit of the gallery (1 to 30); noise="foo" is not a noise the page offers (gaussian, saltpepper or occlusion); amount="0.33" is not an amount the slider offers (0 to 1 in steps of 0.05)`,
		"a=1&b=2&c=3&d=4&e=5&f=6":                  `"d" is not a key the page knows (it knows tab, sample, noise, amount, roll, gallery-model, upload-model, draw-model); 2 more`,
		"sample=%zz":                               "is not key=value pairs joined by &",
		"sample=2;tab=draw":                        "is not key=value pairs joined by &",
		strings.Repeat("a", 513):                   "it is 513 bytes long; the page's own are under 512",
		"tab=draw&noise=poisson":                   "is not a noise the page offers",
		"sample=3&" + "x=" + "\x00\xff":            `"x" is not a key the page knows`,
	}
	// What the right parts of those with some say; the others give the
	// first link.
	partly := map[string]func(*Link){
		"roll=5&tab=draw&tab=upload":               func(l *Link) { l.Noise.Seed = 5 },
		"sample=31&noise=foo&amount=0.33&tab=draw": func(l *Link) { l.Mode = ModeDraw },
		"tab=draw&noise=poisson":                   func(l *Link) { l.Mode = ModeDraw },
		"sample=3&" + "x=" + "\x00\xff":            func(l *Link) { l.Sample = 2 },
	}
	for fragment, want := range cases {
		l, err := ParseLink(fragment)
		if want == "" {
			assert.NoError(t, err, fragment)
			continue
		}
		if assert.Error(t, err, fragment) {
			assert.Contains(t, err.Error(), want, fragment)
		}
		first := FirstLink()
		if set, ok := partly[fragment]; ok {
			set(&first)
			assert.True(t, Partly(err), "%s: its right parts are taken", fragment)
		} else {
			assert.False(t, Partly(err), "%s: nothing of it is taken", fragment)
		}
		assert.Equal(t, first, l, fragment)
	}
}

// An amount is taken as the slider gives it: minus zero as zero, and a
// value a rounding away from a step as that step.
func TestParseLinkAmounts(t *testing.T) {
	for value, want := range map[string]float64{"-0": 0, "0": 0, "1e-320": 0, "0.35": 35.0 / 100, "0.350000000001": 35.0 / 100, "1": 1, ".05": 5.0 / 100, "0x1p-2": 25.0 / 100} {
		l, err := ParseLink("amount=" + value)
		require.NoError(t, err, value)
		assert.Equal(t, want, l.Noise.Amount, value)
		assert.False(t, math.Signbit(l.Noise.Amount), "%s: no minus sign", value)
	}
	l, _ := ParseLink("amount=-0")
	assert.Equal(t, "amount=0", l.Fragment(), "written as 0, not -0")
}

func TestFollowLink(t *testing.T) {
	s, changes := loadedStore(t)
	l := Link{Mode: ModeGallery, Sample: 5, Noise: Noise{Kind: Occlusion, Amount: 0.4, Seed: 9}, Denoisers: DefaultChoice()}
	before := changes.Load()
	s.FollowLink(l)
	st := s.State()
	assert.Equal(t, l, st.Link())
	assert.Equal(t, "", st.Message)
	require.NotNil(t, st.Result)
	assert.Equal(t, Samples()[5].Label, st.Result.Label, "the linked digit is the one shown")
	want, err := l.Noise.Apply(Samples()[5].Pixels)
	require.NoError(t, err)
	assert.Equal(t, want, st.Result.Input, "with the linked noise")
	assert.Greater(t, changes.Load(), before)

	// A link ParseLink would refuse changes nothing but the message.
	s.FollowLink(Link{Mode: ModeGallery, Sample: 99, Noise: DefaultNoise(), Denoisers: DefaultChoice()})
	st = s.State()
	assert.Equal(t, l, st.Link())
	assert.Contains(t, st.Message, `the address (after its #) was not followed: sample="100" is not a digit of the gallery`)
	require.NotNil(t, st.Result, "what was shown stays")

	// The next action says nothing more of it.
	s.ShowSample(1)
	assert.Equal(t, "", s.State().Message)

	// A link with a part wrong: the rest is shown, and the wrong part said.
	part, err := ParseLink("sample=4&amount=0.33&noise=occlusion")
	require.True(t, Partly(err))
	s.FollowLink(part)
	s.BadLink(err)
	st = s.State()
	assert.Equal(t, Link{Mode: ModeGallery, Sample: 3, Noise: Noise{Kind: Occlusion, Amount: DefaultNoise().Amount, Seed: DefaultNoise().Seed}, Denoisers: DefaultChoice()}, st.Link())
	assert.Equal(t, Samples()[3].Label, st.Result.Label)
	assert.Equal(t, `part of the address (after its #) was not followed: amount="0.33" is not an amount the slider offers (0 to 1 in steps of 0.05)`, st.Message)
	assert.True(t, st.AddressToMend(), "the address is left as given, for the person to mend")
}

func TestLinkBeforeTheModelsLoad(t *testing.T) {
	s := NewStore(nil)
	l := Link{Mode: ModeGallery, Sample: 2, Noise: Noise{Kind: SaltPepper, Amount: 0.1, Seed: 1}, Denoisers: Choice{Gallery: Strong, Upload: Strong, Draw: Strong}}
	s.FollowLink(l)
	s.Loaded(randomBundle(t), nil)
	st := s.State()
	assert.Equal(t, l, st.Link(), "the first view is the link's")
	require.NotNil(t, st.Result)
	assert.Equal(t, Samples()[2].Label, st.Result.Label)

	s = NewStore(nil)
	_, err := ParseLink("sample=0")
	s.BadLink(err)
	s.Loaded(randomBundle(t), nil)
	st = s.State()
	assert.Equal(t, FirstLink(), st.Link())
	assert.Contains(t, st.Message, "was not followed", "the first view keeps saying why the address was not followed")
}

func FuzzParseLink(f *testing.F) {
	for _, s := range []string{"", "#tab=draw", "sample=30&noise=occlusion&amount=0.55&roll=12", "gallery-model=strong&upload-model=seed", "amount=1e-3", "sample=%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		l, err := ParseLink(fragment)
		if err != nil && !Partly(err) {
			if l != FirstLink() {
				t.Fatalf("%q: refused, but gave %+v", fragment, l)
			}
			return
		}
		// What it takes in part is of the keys it was given.
		if err != nil {
			given, _ := pairs(strings.TrimPrefix(fragment, "#"))
			taken, _ := pairs(l.Fragment())
			for _, kv := range taken {
				if !slices.ContainsFunc(given, func(g keyValue) bool { return g.key == kv.key }) {
					t.Fatalf("%q: taken in part as %q, whose %q it was not given", fragment, l.Fragment(), kv.key)
				}
			}
		}
		// What it takes, whole or in part, it writes back as the same link.
		again, err := ParseLink(l.Fragment())
		if err != nil || again != l {
			t.Fatalf("%q: %+v written as %q, read back as %+v (%v)", fragment, l, l.Fragment(), again, err)
		}
		if len(l.Fragment()) > MaxLinkLength {
			t.Fatalf("%q: its own fragment %q is over the limit", fragment, l.Fragment())
		}
	})
}

// The page writes its address when what it shows changes; an address it
// did not follow stays while the page says why, and is written over once
// it no longer does, even by an action that changed nothing shown.
func TestAddress(t *testing.T) {
	s, _ := loadedStore(t)
	a := NewAddress()
	_, write, _ := a.Write(s.State())
	assert.False(t, write, "a page nobody changed has no address to write")

	s.ShowSample(4)
	f, write, entry := a.Write(s.State())
	assert.True(t, write)
	assert.False(t, entry, "another sample replaces the history's entry")
	assert.Equal(t, "sample=5", f)
	_, write, _ = a.Write(s.State())
	assert.False(t, write, "nothing changed since")

	// Followed from the address: already there.
	l, err := ParseLink("tab=draw&sample=+2")
	require.NoError(t, err)
	a.Read(l)
	s.FollowLink(l)
	_, write, _ = a.Write(s.State())
	assert.False(t, write, "the address says it already, as the person wrote it")

	// Another tab is an entry of the history of its own (Back comes
	// back to this one); the way back, read from the address, is not.
	s.SetMode(ModeUpload)
	f, write, entry = a.Write(s.State())
	assert.True(t, write && entry)
	assert.Equal(t, "tab=upload&sample=2", f)
	back, err := ParseLink("tab=draw&sample=2")
	require.NoError(t, err)
	a.Read(back)
	s.FollowLink(back)
	_, write, _ = a.Write(s.State())
	assert.False(t, write)

	// Not followed: left while said, then written over.
	_, err = ParseLink("sample=99")
	s.BadLink(err)
	require.True(t, s.State().AddressToMend())
	_, write, _ = a.Write(s.State())
	assert.False(t, write, "left for the person to mend")
	s.SetMode(ModeDraw) // the tab shown already: nothing changes but the message
	require.False(t, s.State().AddressToMend())
	f, write, entry = a.Write(s.State())
	assert.True(t, write, "no longer said: the address says what is shown")
	assert.False(t, entry, "the address mended is replaced")
	assert.Equal(t, "tab=draw&sample=2", f)

	// Another tab ends it too, and the person's address is replaced, not
	// kept as an entry of the history to come back to.
	s.BadLink(err)
	a.Write(s.State())
	s.SetMode(ModeGallery)
	_, write, entry = a.Write(s.State())
	assert.True(t, write)
	assert.False(t, entry)

	// Another message in its place ends it too (an upload's note, an error).
	s.BadLink(err)
	a.Write(s.State())
	s.UseDenoiser("tiny")
	assert.False(t, s.State().AddressToMend())
	_, write, _ = a.Write(s.State())
	assert.True(t, write)

	// The tabs' keys: a run of steps is one entry of the history.
	step := func(m Mode) (entry bool) {
		a.Step(m)
		s.SetMode(m)
		_, write, entry := a.Write(s.State())
		require.True(t, write)
		return entry
	}
	assert.True(t, step(ModeUpload), "a run's first step is an entry")
	assert.False(t, step(ModeDraw), "the run's next steps replace it")
	assert.False(t, step(ModeGallery))
	s.ShowSample(3)
	a.Write(s.State())
	assert.True(t, step(ModeUpload), "anything else written ends the run")
	a.EndSteps()
	assert.True(t, step(ModeDraw), "so does the focus leaving the tabs (an upload or a drawing, which write nothing, may have come)")
	s.SetMode(ModeUpload)
	_, _, entry = a.Write(s.State())
	assert.True(t, entry, "a tab clicked after a run is an entry")
	// A write with nothing to write in the middle of a run (the plot's
	// curves computed) neither ends it nor takes the step.
	a.Step(ModeGallery)
	_, write, _ = a.Write(s.State())
	require.False(t, write)
	s.SetMode(ModeGallery)
	_, _, entry = a.Write(s.State())
	assert.True(t, entry, "the step, taken after a write of nothing, begins a run")
	assert.False(t, step(ModeDraw), "which goes on")
	back, err = ParseLink("tab=draw&sample=4")
	require.NoError(t, err)
	a.Read(back)
	s.FollowLink(back)
	assert.True(t, step(ModeUpload), "after Back, a step adds an entry again: it must not replace the one returned to")
}
