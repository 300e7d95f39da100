package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/webapp"
)

// TestApp's subtests of uploads: pictures of digits given through the file
// input, dropped or refused, and the box drawn on them.

// uploadNoisyDigit is TestApp's "upload a noisy digit".
func (a *app) uploadNoisyDigit(t *testing.T) {
	m := a.m
	samples := a.samples
	p := a.upload(t)
	path, data := noisyUpload(t, samples[12].Pixels)
	// What is read out of the results is the reader's sentence alone,
	// in an element there before the first result (a region is read
	// out when it changes, not when it comes).
	p.js(`window.summaryBefore = document.getElementById("reading-said")`)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.changed("#dae-output", "")
	in, info, err := prepare(data)
	require.NoError(t, err)
	p.checkResult("upload", m, webapp.Strong, in, nil)
	var prepared string
	p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &prepared))
	assert.Equal(t, "worker", prepared, "prepared off the page's thread, as Go does natively")
	assert.Contains(t, p.text("#prepared-note"), "prepared as MNIST's digits were made", "why the denoised digit looks much like the input")
	var live []string
	p.run(chromedp.Evaluate(`[...document.querySelectorAll("#results, #results *")].filter(e => e.matches("[aria-live], [role=status], [role=alert]")).map(e => e.id)`, &live))
	assert.Equal(t, []string{"keybox-status", "box-said"}, live, "the results' live regions (the reader's sentence is said from outside them: sayReading)")
	// The picture takes the keys it says (Enter, the arrows) from a
	// screen reader, which would take them to read on with.
	var role string
	p.run(chromedp.Evaluate(`(e => e.getAttribute("role") + " " + e.getAttribute("aria-roledescription"))(document.getElementById("picture-frame"))`, &role))
	assert.Equal(t, "application box picker", role)
	var same bool
	p.run(chromedp.Evaluate(`document.getElementById("reading-said") === window.summaryBefore && document.getElementById("reading-said").getAttribute("aria-live") === "polite"`, &same))
	assert.True(t, same, "the reader's sentence is read out from an element there from the start")
	p.run(chromedp.Poll(`document.getElementById("reading-said").textContent !== ""`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, p.spoken("#reading"), p.text("#reading-said"), "the reader's sentence, as a screen reader hears it")
	assert.Equal(t, "none: an upload has no clean digit to compare with", p.text("#dae-scores"), "no clean digit, no scores")
	var labelled []string
	p.run(chromedp.Evaluate(`[document.querySelector("table.metrics caption")?.textContent ?? "no caption", document.querySelector("#dropzone h2 label[for=upload]")?.textContent ?? "no heading"]`, &labelled))
	assert.Equal(t, []string{"The denoising's figures", "Choose an image of a digit"}, labelled, "the figures' table named, and the upload's panel headed, as the other tabs' are")
	var rows int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#noisy-scores, #ae-scores").length`, &rows))
	assert.Zero(t, rows, "nor rows of dashes")
	var captions []float64
	p.run(chromedp.Evaluate(`[".upload-picture > figcaption", "#model-input + figcaption"].map(s => document.querySelector(s).getBoundingClientRect().top)`, &captions))
	require.Len(t, captions, 2)
	assert.Equal(t, captions[0], captions[1], "the picture's caption level with the tiles' (it was 6 px higher)")
	assert.Contains(t, p.text("#box-hint"), "Not the digit, or not all of it? Drag a box around it on the picture", "how to box another part, under the tiles")
	assert.Empty(t, p.text("#box-said"), "not read out before the reader's verdict with every upload")
	// Away and back: the file picker is drawn anew, naming the file
	// again, and the page says which file it shows.
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitNotPresent("#upload", chromedp.ByQuery),
		chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery))
	assert.Equal(t, "Shown: "+filepath.Base(path), p.text("#upload-status"))
	var named string
	p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &named))
	assert.Equal(t, filepath.Base(path), named, "the picker names the file shown")
	// The box drawn on the picture as given is where the digit was
	// found: as the picture is shown, within half a percent of the
	// native preparation's.
	pic := image.NewGray(image.Rect(0, 0, info.Width, info.Height))
	want, ok := webapp.Upload{Picture: pic, Part: pic.Rect, Info: info}.Found()
	require.True(t, ok)
	var got []float64
	p.run(chromedp.Evaluate(`(() => {
		const f = document.getElementById("found").getBoundingClientRect(), o = document.getElementById("original").getBoundingClientRect();
		return [(f.left - o.left) / o.width * 100, (f.top - o.top) / o.height * 100, f.width / o.width * 100, f.height / o.height * 100];
	})()`, &got))
	assert.InDeltaSlice(t, []float64{want.Left, want.Top, want.Width, want.Height}, got, 0.5, "the box drawn, in percent of the picture's square")
	p.b.screenshot(t, "upload")

	// A 28×28 picture is taken whole, as an MNIST digit, its noise
	// kept: the note that preparation took the noise away is not said.
	small := image.NewGray(image.Rect(0, 0, 28, 28))
	for i, v := range samples[3].Pixels {
		small.Pix[i] = uint8(255 * v)
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, small))
	mnistPath := filepath.Join(t.TempDir(), "mnist.png")
	require.NoError(t, os.WriteFile(mnistPath, buf.Bytes(), 0o644))
	before := p.src("#dae-output")
	p.run(chromedp.SetUploadFiles("#upload", []string{mnistPath}, chromedp.ByQuery))
	p.changed("#dae-output", before)
	var notes int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#prepared-note").length`, &notes))
	assert.Zero(t, notes, "a 28×28 picture is not prepared so")
}

// preparedWithoutWorker is TestApp's "an upload is prepared on the page where no worker can".
func (a *app) preparedWithoutWorker(t *testing.T) {
	m := a.m
	samples := a.samples
	// Where the worker that prepares uploads cannot start (its script
	// not served; a module the browser will not post it), the page
	// prepares them itself, as before there was a worker, and after
	// three failures in a row stops trying.
	p := a.upload(t)
	p.js(`window.prepWorkers = 0; const W = window.Worker;
		window.Worker = function (url) { if (url.endsWith("prep.js")) { window.prepWorkers++; url = "web/missing.js"; } return new W(url); }`)
	prepared := func() string {
		var where string
		p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &where))
		return where
	}
	before := ""
	for i, sample := range []int{7, 3, 5, 1} {
		if i == 1 {
			p.js(`window.godaeModule = function () {}`) // cannot be posted: the browser throws
		}
		path, data := noisyUpload(t, samples[sample].Pixels)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		before = p.changed("#dae-output", before)
		in, _, err := prepare(data)
		require.NoError(t, err)
		p.checkResult("upload", m, webapp.Strong, in, nil)
		assert.Equal(t, "page", prepared(), "upload %d", i)
		var refused bool
		p.run(chromedp.Evaluate(`document.querySelector("#upload-status.refused") !== null`, &refused))
		assert.False(t, refused, "upload %d", i)
	}
	var tries int
	p.run(chromedp.Evaluate(`window.prepWorkers`, &tries))
	assert.Equal(t, 3, tries, "workers tried for four uploads")

	// Nor does a decoder whose script is not served stop the app: the
	// upload is refused, saying so.
	p.js(`const W2 = window.Worker; window.Worker = function (url) { return new W2(url.endsWith("decode.js") ? "web/missing.js" : url); }`)
	path, _ := noisyUpload(t, samples[2].Pixels)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("the page's picture decoder could not be loaded (is the network down?): try again once it is back")`, nil, chromedp.WithPollingTimeout(10*time.Second)))

	// Nor one that answers what is not a picture (a script of the
	// page's could): the app went down on it (a panic copying "pixels"
	// that were not bytes). The console's errors are checked at the
	// end of TestApp.
	for _, c := range []struct{ answer, says string }{
		{`{pixels: "not bytes"}`, "the decoder (web/decode.js) answered no pixels but string"},
		{`7`, "the decoder (web/decode.js) answered no picture but number"},
	} {
		p.js(`(() => { const W3 = window.Worker; window.Worker = function (url) {
			if (!url.endsWith("decode.js")) return new W3(url);
			const f = {onmessage: null, onerror: null, terminate() {}, postMessage() { setTimeout(() => f.onmessage && f.onmessage({data: ` + c.answer + `}), 10) }};
			return f;
		} })()`)
		path, _ := noisyUpload(t, samples[4].Pixels)
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes(`+jsString(c.says)+`)`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	}
}

// chooseOneOfTwo is TestApp's "choose the digit on a picture of two".
func (a *app) chooseOneOfTwo(t *testing.T) {
	samples := a.samples
	// The page takes the 8, which has more ink; a box dragged around
	// the 7 with the mouse takes the 7; "Use the whole picture" takes
	// the 8 again.
	p := a.upload(t)
	eight, seven := samples[24], samples[21]
	require.Equal(t, []int{8, 7}, []int{eight.Label, seven.Label})
	p.run(chromedp.SetUploadFiles("#upload", []string{twoDigitUpload(t, eight.Pixels, seven.Pixels)}, chromedp.ByQuery))
	before := p.changed("#model-input", "")
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 8 ("), "the 8 is taken: %s", p.text("#model-input-reading"))
	assert.Contains(t, p.text("#several"), "may hold more than one digit", "the 7 left out is said")
	assert.Contains(t, p.text("#reading"), ". That reading is of the ink boxed on the picture.", "and the verdict is said of the digit taken")
	assert.Equal(t, 1, strings.Count(p.text("#reading")+p.text("#several"), "more than one"), "said once")
	// The picture is 2:1; the 7 is in its right third.
	p.dragBox(2, 1, 0.63, 0.05, 0.99, 0.95)
	before = p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 is taken: %s", p.text("#model-input-reading"))
	// A reload brings back the picture and the box on it (keepUpload).
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery))
	p.run(chromedp.Poll(`document.getElementById("model-input")?.src === `+jsString(before), nil, chromedp.WithPollingTimeout(10*time.Second)))
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 again after a reload: %s", p.text("#model-input-reading"))
	assert.Contains(t, p.text("#picture-frame + figcaption"), "dashed: your box; solid: the digit found in it", "the two boxes told apart")
	var found, chosen []float64
	box := func(id string, dst *[]float64) {
		p.run(chromedp.Evaluate(`(() => { const r = document.getElementById("`+id+`").getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`, dst))
	}
	box("found", &found)
	box("chosen", &chosen)
	var several int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#several").length`, &several))
	assert.Zero(t, several, "the part chosen holds one digit")
	assert.True(t, found[0] >= chosen[0] && found[1] >= chosen[1] && found[2] <= chosen[2] && found[3] <= chosen[3], "the 7 found (%v) is in the box drawn (%v)", found, chosen)
	p.b.screenshot(t, "upload-part")
	// A reload on another tab stays there, the box back on the upload
	// tab (it brought that tab forward).
	p.run(chromedp.Click("#tab-gallery", chromedp.ByQuery), chromedp.WaitVisible(`#tab-gallery[aria-selected="true"]`, chromedp.ByQuery),
		chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery))
	var tab string
	p.run(chromedp.Evaluate(`document.querySelector('[role="tab"][aria-selected="true"]').id`, &tab))
	assert.Equal(t, "tab-gallery", tab)
	p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#chosen", chromedp.ByQuery))
	assert.Equal(t, before, p.src("#model-input"), "the box's digit")

	before = p.src("#model-input")
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery))
	p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 8 ("), "the 8 again: %s", p.text("#model-input-reading"))
	var left int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#chosen, #whole-picture").length`, &left))
	assert.Zero(t, left, "no part chosen, no button")
	// A box around both digits: what may hold more than one is the box.
	p.dragBox(2, 1, 0.02, 0.03, 0.98, 0.97)
	p.run(chromedp.Poll(`document.getElementById("several")?.textContent === "Your box may hold more than one digit: drag one around yours alone."`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Contains(t, p.text("#reading"), ". That reading is of the ink framed within your box.")
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery))
	// A box through the 8, its lower loop cut off: said, for a larger box.
	before = p.src("#model-input")
	p.dragBox(2, 1, 0.01, 0.03, 0.5, 0.5)
	p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#box-cut"), "Your box may cut through the digit"), p.text("#box-said"))
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery))

	// For those who cannot drag, two taps at opposite corners: the
	// first is marked on the picture and said under it, the second
	// takes the box between them (the 7). A touch's tap moves a little
	// as the finger lifts (3 px here).
	before = p.src("#model-input")
	p.dragBox(2, 1, 0.63, 0.05, 0.63+3.0/168, 0.05)
	p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery))
	assert.Equal(t, webapp.CornerMarked, p.text("#corner-note"), "said in the status line under the tiles")
	assert.Contains(t, p.text("#reading"), ". This picture may hold more than one digit: that reading is of the ink boxed on it.", "the note of several digits gave way to the corner's: the verdict says it")
	var dot, pic []float64
	box("corner", &dot)
	box("picture-frame", &pic)
	assert.InDelta(t, pic[0]+(0.63+3.0/168)*(pic[2]-pic[0]), (dot[0]+dot[2])/2, 1.5, "the dot where the tap lifted, across")
	assert.InDelta(t, pic[1]+(0.25+0.05*0.5)*(pic[3]-pic[1]), (dot[1]+dot[3])/2, 1.5, "and down (the 2:1 picture is centred in its square)")
	// A mouse over the picture shows the box a tap there would take.
	mouse := p.mouseOn("#picture-frame")
	p.run(mouse(input.MouseMoved, 0.99, 0.25+0.95*0.5))
	var preview []float64
	p.run(chromedp.Poll(`document.getElementById("drag").style.display === "block"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	box("drag", &preview)
	assert.InDelta(t, (dot[0]+dot[2])/2, preview[0], 1.5, "from the corner tapped")
	assert.InDelta(t, pic[0]+0.99*(pic[2]-pic[0]), preview[2], 1.5, "to the pointer")
	p.dragBox(2, 1, 0.99, 0.95, 0.99, 0.95)
	p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 taken by two taps: %s", p.text("#model-input-reading"))
	var shownDrag string
	p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shownDrag))
	assert.Equal(t, "none", shownDrag, "the box shown while the mouse moved is gone")
	p.run(chromedp.WaitNotPresent("#corner", chromedp.ByQuery), chromedp.WaitNotPresent("#corner-note", chromedp.ByQuery))
	// A corner tapped and then a box taken another way (here the whole
	// picture again): the corner goes with it.
	p.dragBox(2, 1, 0.5, 0.5, 0.5, 0.5)
	p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery))
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery),
		chromedp.WaitNotPresent("#corner", chromedp.ByQuery))
	// And Escape on the picture drops it.
	p.dragBox(2, 1, 0.5, 0.5, 0.5, 0.5)
	p.run(chromedp.WaitVisible("#corner", chromedp.ByQuery), chromedp.KeyEvent(kb.Escape), // the press focused the picture
		chromedp.WaitNotPresent("#corner", chromedp.ByQuery), chromedp.WaitNotPresent("#corner-note", chromedp.ByQuery))

	// The same from the keyboard: Enter on the picture starts a box
	// around the digit found (the 8), with room; ArrowRight moves it
	// over the 7, to the picture's edge, where it says it cannot go
	// further and what to do; Enter takes it.
	before = p.src("#model-input")
	p.run(chromedp.Focus("#picture-frame", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	assert.True(t, strings.HasPrefix(p.text("#keybox-status"), "A box around the digit found on the picture: the arrows move it"), p.text("#keybox-status"))
	var keyed, frame []float64
	box("found", &found)
	box("drag", &keyed)
	box("picture-frame", &frame)
	assert.True(t, keyed[0] <= found[0] && keyed[1] <= found[1] && keyed[2] >= found[2] && keyed[3] >= found[3], "the keyboard's box (%v) starts around the digit found (%v)", keyed, found)
	assert.Less(t, keyed[2]-keyed[0], 0.5*(frame[2]-frame[0]), "and not over the whole picture")
	edge := "The box cannot move that way: it is at the edge of the picture. Shift and the arrows make it smaller."
	for range 40 {
		if p.text("#keybox-status") == edge {
			break
		}
		p.run(chromedp.KeyEvent(kb.ArrowRight))
	}
	assert.Equal(t, edge, p.text("#keybox-status"))
	var shown string
	p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
	assert.Equal(t, "block", shown, "the keyboard's box is shown")
	box("drag", &keyed)
	assert.InDelta(t, frame[2], keyed[2], 1, "at the picture's right edge")
	p.run(chromedp.KeyEvent(kb.ArrowLeft))
	assert.Regexp(t, `^The box on the picture: \d+ to 95 % across, \d+ to \d+ % down\.$`, p.text("#keybox-status"), "and read out where it is")
	p.run(chromedp.KeyEvent(kb.ArrowRight))
	p.run(chromedp.KeyEvent(kb.Enter))
	p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 7 ("), "the 7 taken from the keyboard: %s", p.text("#model-input-reading"))
	// "Use the whole picture" from the keyboard: the button goes, and
	// the focus stays on the picture.
	p.run(chromedp.Focus("#whole-picture", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery))
	var focused string
	p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	assert.Equal(t, "picture-frame", focused, "the keyboard's focus after the whole picture is taken again")

	// A keyboard's box is not carried over to the next upload.
	p.run(chromedp.KeyEvent(kb.Enter))
	p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
	require.Equal(t, "block", shown)
	before = p.src("#model-input")
	p.run(chromedp.SetUploadFiles("#upload", []string{twoDigitUpload(t, seven.Pixels, eight.Pixels)}, chromedp.ByQuery))
	p.changed("#model-input", before)
	p.run(chromedp.Evaluate(`document.getElementById("drag").style.display`, &shown))
	assert.Equal(t, "none", shown, "the box on the picture before is gone")
	p.run(chromedp.Focus("#picture-frame", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	assert.Equal(t, "The box is dropped: another picture came.", p.text("#keybox-status"), "said, and the arrows move no box")
}

// smallDigitInPhoto is TestApp's "a small digit in a large photo".
func (a *app) smallDigitInPhoto(t *testing.T) {
	m := a.m
	samples := a.samples
	// 70 pixels high in 2,000×1,500: 17 in the picture the page
	// decodes first; the page decodes the part around it again from
	// the file, at full scale, and prepares that, as Go does natively.
	p := a.upload(t)
	digit := samples[12] // a 4
	path, data, photo := smallDigitPhoto(t, digit.Pixels)
	want, _, err := prepare(data)
	require.NoError(t, err)
	wantRead, err := m.Run(webapp.Strong, want, nil)
	require.NoError(t, err)
	require.Equal(t, digit.Label, wantRead.InputReading.Digit, "read natively")

	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	// The coarse input first, then the finer one: wait until the page
	// shows an input close to the native one.
	closeTo := func(want []float32) float64 {
		var diff float64
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			got := pixels(t, p.changed("#model-input", ""))
			diff = 0
			for i := range want {
				diff += math.Abs(float64(got[i] - want[i]))
			}
			diff /= float64(len(want))
			if diff < 0.03 || time.Now().After(deadline) {
				return diff
			}
		}
	}
	diff := closeTo(want)
	t.Logf("mean difference from the native input %.4f", diff)
	assert.Less(t, diff, 0.03, "the page prepared the part decoded at full scale, as Go does")
	var prepared string
	p.run(chromedp.Evaluate(`document.body.dataset.prepared ?? ""`, &prepared))
	assert.Equal(t, "worker", prepared, "in the worker")
	// Busy while it was looked at again (a screen reader says the
	// finer reading, not both), and no longer.
	p.run(chromedp.Poll(`document.getElementById("results").getAttribute("aria-busy") === "false"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), fmt.Sprintf("reads %d (", digit.Label)), "%s", p.text("#model-input-reading"))
	// Shown enlarged too: the inset's view, as shares of the picture,
	// holds the digit's 70 pixels and is not much more.
	var view []float64
	p.run(chromedp.Evaluate(insetViewJS, &view))
	require.Len(t, view, 4)
	assert.True(t, view[0] <= 1000.0/2000 && view[1] <= 700.0/1500 && view[2] >= 1070.0/2000 && view[3] >= 770.0/1500, "the enlarged view %v holds the digit", view)
	assert.Less(t, (view[2]-view[0])*2000, 3*70.0, "and is not much more")
	p.b.screenshot(t, "upload-small-digit")
	// On a tablet's width its five tiles are still one row.
	var tops []float64
	p.run(chromedp.EmulateViewport(768, 1024),
		chromedp.Evaluate(`[...document.querySelectorAll("#results .tiles > figure")].map(f => Math.round(f.getBoundingClientRect().top))`, &tops))
	p.b.screenshot(t, "upload-small-digit-tablet")
	p.run(chromedp.ActionFunc(func(ctx context.Context) error { return emulation.ClearDeviceMetricsOverride().Do(ctx) }))
	require.Len(t, tops, 5, "the picture, its enlarged view and three tiles")
	assert.Equal(t, []float64{tops[0], tops[0], tops[0], tops[0], tops[0]}, tops, "in one row at 768 px")
	// A drag begun on the view while another upload comes (the same
	// photo again) takes nothing from the new one.
	again := filepath.Join(t.TempDir(), "small-digit-again.png")
	require.NoError(t, os.WriteFile(again, data, 0o644))
	mouse := p.mouseOn("#inset")
	shown := p.src("#original")
	p.run(mouse(input.MousePressed, 0.1, 0.1), mouse(input.MouseMoved, 0.5, 0.5))
	p.run(chromedp.SetUploadFiles("#upload", []string{again}, chromedp.ByQuery))
	p.changed("#original", shown)
	p.run(chromedp.WaitVisible("#inset", chromedp.ByQuery), mouse(input.MouseMoved, 0.9, 0.9), mouse(input.MouseReleased, 0.9, 0.9))
	// The page says why the box was not taken; by then it would show
	// the box, had it been taken.
	p.run(chromedp.Poll(`document.getElementById("message")?.textContent.includes("begun on the picture before this one")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	var boxes int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#chosen").length`, &boxes))
	assert.Zero(t, boxes, "a drag begun on the last upload's view")
	// A box dragged on the enlarged view, around its middle, takes
	// that part of the picture: the digit, read as before.
	p.dragOn("#inset", 0.1, 0.1, 0.9, 0.9)
	p.run(chromedp.WaitVisible("#chosen", chromedp.ByQuery))
	var chosen []float64
	p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
	// The picture fills the square's width; the digit is at 1000–1070 of 2000.
	assert.InDelta(t, view[0]+0.1*(view[2]-view[0]), chosen[0], 0.01, "the box's left, from the view's")
	assert.InDelta(t, view[0]+0.9*(view[2]-view[0]), chosen[1], 0.01, "the box's right, from the view's")
	assert.Eventually(t, func() bool {
		return strings.HasPrefix(p.text("#model-input-reading"), fmt.Sprintf("reads %d (", digit.Label))
	}, 10*time.Second, 100*time.Millisecond, "the digit taken from the box: %s", p.text("#model-input-reading"))
	insetView := func() {
		p.run(chromedp.Evaluate(insetViewJS, &view))
	}
	// Two taps on the view at opposite corners take the box between.
	insetView()
	p.dragOn("#inset", 0.2, 0.25, 0.2, 0.25)
	p.run(chromedp.WaitVisible("#inset-corner", chromedp.ByQuery))
	assert.Equal(t, webapp.CornerMarked, p.text("#corner-note"))
	p.b.screenshot(t, "upload-corner")
	p.dragOn("#inset", 0.8, 0.75, 0.8, 0.75)
	p.run(chromedp.WaitNotPresent("#inset-corner", chromedp.ByQuery))
	assert.Eventually(t, func() bool {
		p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
		return math.Abs(view[0]+0.2*(view[2]-view[0])-chosen[0]) < 0.01 && math.Abs(view[0]+0.8*(view[2]-view[0])-chosen[1]) < 0.01
	}, 10*time.Second, 100*time.Millisecond, "the box tapped on the view (%v), taken from it (%v)", view, chosen)
	// The whole picture again, looked at finely, before the keyboard's
	// box: a part holding all of the digit and nothing else is prepared
	// as the same input as another such part.
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery), chromedp.WaitNotPresent("#whole-picture", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("results").getAttribute("aria-busy") === "false"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	// The same from the keyboard: Enter on the view starts a box over
	// all of it, Shift and the arrows narrow and shorten it about its
	// middle (to 0.8 × 0.8 of it, twice), Enter takes it.
	insetView()
	p.run(chromedp.Focus("#inset", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	for range 2 {
		p.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(input.ModifierShift)), chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(input.ModifierShift)))
	}
	assert.Equal(t, "The box on the enlarged part: 18 to 82 % across, 18 to 82 % down.", p.text("#keybox-status"))
	before := p.src("#model-input")
	p.run(chromedp.KeyEvent(kb.Enter))
	p.changed("#model-input", before)
	assert.True(t, strings.HasPrefix(p.text("#keybox-status"), "The part in the box is taken"), p.text("#keybox-status"))
	var focused string
	p.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	assert.Equal(t, "picture-frame", focused, "the focus on the picture, which stays")
	p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("picture-frame").getBoundingClientRect(), c = document.getElementById("chosen").getBoundingClientRect(); return [(c.left-f.left)/f.width, (c.right-f.left)/f.width]; })()`, &chosen))
	assert.InDelta(t, view[0]+0.18*(view[2]-view[0]), chosen[0], 0.01, "the keyboard box's left, from the view's")
	assert.InDelta(t, view[0]+0.82*(view[2]-view[0]), chosen[1], 0.01, "the keyboard box's right, from the view's")

	// A box dragged around it, 270 pixels of the file: the page
	// decodes the part around the digit again too, within the box.
	part := image.Rect(900, 600, 1170, 870)
	wantPart, _, err := digitprep.Prepare(photo.SubImage(part))
	require.NoError(t, err)
	before = p.src("#model-input")
	p.dragBox(2000, 1500, 0.45, 0.4, 0.585, 0.58)
	p.changed("#model-input", before) // the part taken, then looked at closer
	diff = closeTo(wantPart)
	t.Logf("a part chosen: mean difference from the native input %.4f", diff)
	assert.Less(t, diff, 0.03, "the page prepared the chosen part decoded at full scale, as Go does")
	// And the whole picture again is the finer input, not the coarse.
	before = p.src("#model-input")
	p.run(chromedp.Click("#whole-picture", chromedp.ByQuery))
	p.changed("#model-input", before)
	diff = closeTo(want)
	t.Logf("the whole picture again: mean difference from the native input %.4f", diff)
	assert.Less(t, diff, 0.03, "the whole picture as it was refined")

	// Boxes dragged in quick succession: the file is decoded again
	// once at a time, not once for each box at once.
	// Each worker is counted, and with workers.delay set its answer
	// reaches the page that much later, so that a decode is sure to
	// be under way when the next file comes; a worker stopped before
	// it answered counts as stopped.
	p.js(`(() => {
		const W = window.Worker;
		window.workers = {live: 0, peak: 0, made: 0, stopped: 0, delay: 0};
		window.Worker = function (url) {
			const w = new W(url), stop = w.terminate.bind(w);
			let answered = false;
			workers.live++; workers.made++; workers.peak = Math.max(workers.peak, workers.live);
			w.terminate = () => { workers.live--; if (!answered) workers.stopped++; stop(); };
			let handler = null;
			w.addEventListener("message", e => setTimeout(() => { answered = true; if (handler) handler(e); }, workers.delay));
			Object.defineProperty(w, "onmessage", {set(f) { handler = f; }, get() { return handler; }});
			return w;
		};
	})()`)
	for i := range 5 {
		p.dragBox(2000, 1500, 0.44-0.01*float64(i), 0.39, 0.59, 0.59)
	}
	var workers struct{ Live, Peak, Made, Stopped int }
	p.run(chromedp.Poll(`workers.made > 0 && workers.live === 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`workers`, &workers))
	t.Logf("five boxes: %d decodes, at most %d at once", workers.Made, workers.Peak)
	assert.Equal(t, 1, workers.Peak, "one decode at a time")

	// A box dragged and, while its part decodes, another file picked:
	// the page stops that decode, starts the new file's only then and
	// shows it.
	p.js(`workers.made = 0; workers.peak = 0; workers.stopped = 0; workers.delay = 500`)
	before = p.src("#model-input")
	p.dragBox(2000, 1500, 0.46, 0.41, 0.57, 0.57)
	p.run(chromedp.Poll(`workers.live === 1`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	seven, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
	require.NoError(t, err)
	// uploadSeven picks the 7 while a decode is under way and checks
	// that that decode stopped and the 7 is shown.
	uploadSeven := func(what string) {
		t.Helper()
		shown := p.src("#original")
		p.run(chromedp.SetUploadFiles("#upload", []string{seven}, chromedp.ByQuery))
		p.run(chromedp.Poll(`workers.made >= 2 && workers.live === 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Evaluate(`workers`, &workers))
		t.Logf("%s: %d decodes, %d stopped, at most %d at once", what, workers.Made, workers.Stopped, workers.Peak)
		assert.Equal(t, 1, workers.Peak, "%s: one decode at a time", what)
		assert.Equal(t, 1, workers.Stopped, "%s: the decode under way stopped for the 7", what)
		// A picture of its own (the page may still show the last
		// upload's, a 7 too), and its reading.
		p.changed("#original", shown)
		assert.Eventually(t, func() bool { return strings.HasPrefix(p.text("#model-input-reading"), "reads 7 (") },
			5*time.Second, 100*time.Millisecond, "%s: the 7 is shown: %s", what, p.text("#model-input-reading"))
	}
	uploadSeven("a box, then a new file")
	p.changed("#model-input", before)

	// Two files picked one after the other (the photo, then the 7
	// again): the first one's decode stops, and the second is shown.
	p.js(`workers.made = 0; workers.peak = 0; workers.stopped = 0`)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.run(chromedp.Poll(`workers.live === 1`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	// While it reads the photo the page says so, and dims the last
	// upload's results.
	p.run(chromedp.Poll(`document.getElementById("upload-status").textContent === "Reading `+filepath.Base(path)+` and finding its digit…" && document.getElementById("results").getAttribute("aria-busy") === "true"`,
		nil, chromedp.WithPollingTimeout(10*time.Second)))
	uploadSeven("two files")
	assert.Equal(t, "Shown: seven.webp", p.text("#upload-status"), "once the 7 is shown")
	var busy string
	p.run(chromedp.Evaluate(`document.getElementById("results").getAttribute("aria-busy")`, &busy))
	assert.Equal(t, "false", busy)
}

// uploadFormats is TestApp's "upload WebP, CMYK JPEG, a large PNG, a transparent one and an animated GIF".
func (a *app) uploadFormats(t *testing.T) {
	samples := a.samples
	// The browser decodes (and scales the large one to 456 px first)
	// with other code than Go's, so the input is compared loosely with
	// the one prepared natively. A PNG of white ink on a transparent
	// canvas too: the page keeps its transparency, which tells the
	// ink (white on white, it was "no digit found"); and an animated
	// GIF.
	p := a.upload(t)
	var paths []string
	for _, name := range []string{"seven.webp", "seven-cmyk.jpg"} {
		path, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", name))
		require.NoError(t, err)
		paths = append(paths, path)
	}
	paths = append(paths, bigUpload(t, samples[3].Pixels), clearUpload(t, samples[5].Pixels), animatedUpload(t, samples[7].Pixels, samples[1].Pixels))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		before := p.src("#model-input")
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		got := pixels(t, p.changed("#model-input", before))
		want, _, err := prepare(data)
		require.NoError(t, err)
		var diff float64
		for i := range want {
			diff += math.Abs(float64(got[i] - want[i]))
		}
		name := filepath.Base(path)
		t.Logf("%s: mean difference from Go's decoding %.4f", name, diff/float64(len(want)))
		assert.Less(t, diff/float64(len(want)), 0.02, name)
	}
	// The animated GIF (the last) is shown as its first frame, the one
	// read (Go's decoder reads it too), not playing the others.
	// Four screenshots 150 ms apart span 450 ms, more than a frame's
	// 400 ms: a GIF playing changes frame between two of them.
	p.run(chromedp.ScrollIntoView("#original", chromedp.ByQuery))
	var shots [][]byte
	for range 4 {
		var shot []byte
		p.run(chromedp.Screenshot("#original", &shot, chromedp.ByQuery), chromedp.Sleep(150*time.Millisecond))
		shots = append(shots, shot)
	}
	for i, shot := range shots[1:] {
		assert.True(t, bytes.Equal(shots[0], shot), "the GIF is shown as its first frame, a still picture, not playing (shot %d)", i+2)
	}
	assert.Equal(t, "Shown: animated.gif (animated: the page reads its first frame)", p.text("#upload-status"))

	// A reload brings the upload back, as the file it was (keepUpload);
	// one over 3 MiB is not kept, and the page says so after a reload.
	gif := p.src("#model-input")
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery), chromedp.WaitVisible("#model-input", chromedp.ByQuery))
	assert.Equal(t, gif, p.src("#model-input"), "the GIF's first frame again")
	assert.Equal(t, "Shown: animated.gif (animated: the page reads its first frame)", p.text("#upload-status"))
	path, data := noisyUpload(t, samples[2].Pixels)
	data = append(data, make([]byte, 3<<20)...) // after the PNG's end, which browsers do not read
	require.NoError(t, os.WriteFile(path, data, 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.changed("#model-input", gif)
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="none"]`, chromedp.ByQuery))
	assert.Contains(t, p.text("#results-empty"), "The picture shown before the page was reloaded, "+filepath.Base(path)+", was not kept (it is "+fmt.Sprintf("%.1f", math.Ceil(float64(len(data))/(1<<20)*10)/10)+" MiB, over the 3 MiB the page keeps for a reload): choose it again.")
	// What is kept, changed by hand, is dropped, not followed.
	p.js(`sessionStorage.setItem("godae-upload-about", "{\"name\": 7}"); sessionStorage.setItem("godae-upload", "data:image/png;base64,AAAA")`)
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="dropped"]`, chromedp.ByQuery))
	var left bool
	p.run(chromedp.Evaluate(`sessionStorage.getItem("godae-upload-about") === null && sessionStorage.getItem("godae-upload") === null`, &left))
	assert.True(t, left, "what was kept is dropped")

	// A file being read when the page is reloaded: the page marks it while
	// it reads it; after a reload, the upload kept before it comes back,
	// and the page says that the file was not read.
	p.js(`window.setItems = []; const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { setItems.push([k, String(v)]); return set.call(this, k, v) }`)
	path, _ = noisyUpload(t, samples[3].Pixels)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	shown := p.changed("#model-input", "")
	var marked []bool
	p.run(chromedp.Evaluate(`[setItems.some(([k, v]) => k === "godae-upload-reading" && v === "noisy-digit.png"), sessionStorage.getItem("godae-upload-reading") === null]`, &marked))
	assert.Equal(t, []bool{true, true}, marked, "marked while it is read, and no longer once read")
	p.js(`sessionStorage.setItem("godae-upload-reading", "next.png")`) // as a reload while next.png is read leaves it
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery), chromedp.WaitVisible("#model-input", chromedp.ByQuery),
		chromedp.Poll(`!document.getElementById("upload-status").textContent.startsWith("Reading")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, shown, p.src("#model-input"), "the upload kept before it")
	assert.Equal(t, "next.png: it was still being opened when the page was reloaded, and is not shown: choose it again (or a smaller picture, if the page froze on it). Still shown: noisy-digit.png", p.text("#upload-status"))
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery))
	// (The status is drawn at the frame after the store has the upload.)
	p.run(chromedp.Poll(`!document.getElementById("upload-status").textContent.startsWith("Reading")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, "Shown: noisy-digit.png", p.text("#upload-status"), "said once")
	// A file of the same name, read again when the page was reloaded: the
	// one shown is said to be the one given before it (the page said "is
	// not shown" and "Still shown" of one name).
	p.js(`sessionStorage.setItem("godae-upload-reading", "noisy-digit.png")`)
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery),
		chromedp.Poll(`!document.getElementById("upload-status").textContent.startsWith("Reading")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.True(t, strings.HasSuffix(p.text("#upload-status"), "is not shown: choose it again (or a smaller picture, if the page froze on it). Still shown: the noisy-digit.png given before it"), p.text("#upload-status"))

	// A reload after a file is shown but before it is kept (its bytes read
	// a second time, to keep: held here) brings back the upload kept
	// before it, and says the file was not shown; nothing is lost.
	second := filepath.Join(t.TempDir(), "second-digit.png")
	_, data = noisyUpload(t, samples[4].Pixels)
	require.NoError(t, os.WriteFile(second, data, 0o644))
	p.js(`(() => { const read = Blob.prototype.arrayBuffer; let n = 0; Blob.prototype.arrayBuffer = function () { return this.name === "second-digit.png" && ++n === 2 ? new Promise(() => {}) : read.call(this) } })()`)
	p.run(chromedp.SetUploadFiles("#upload", []string{second}, chromedp.ByQuery))
	p.changed("#model-input", shown)
	var keptNow []string
	p.run(chromedp.Evaluate(`[sessionStorage.getItem("godae-upload-reading"), JSON.parse(sessionStorage.getItem("godae-upload-about")).name]`, &keptNow))
	assert.Equal(t, []string{"second-digit.png", "noisy-digit.png"}, keptNow, "shown, not yet kept: marked, and the one before still kept")
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-kept-upload="restored"]`, chromedp.ByQuery),
		chromedp.Poll(`!document.getElementById("upload-status").textContent.startsWith("Reading")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Equal(t, shown, p.src("#model-input"), "the upload kept before it")
	assert.True(t, strings.HasPrefix(p.text("#upload-status"), "second-digit.png: it was still being opened when the page was reloaded"), p.text("#upload-status"))
}

// uploadsReadRight is TestApp's "uploads of printed and handwritten digits are read right, a letter is said to be none, a cut digit to run into the edge".
func (a *app) uploadsReadRight(t *testing.T) {
	m := a.m
	// A handful of the generated uploads (internal/uploads) through the
	// real file input: the page's reading of its model input names the
	// digit drawn, as the native preparation and reader do.
	p := a.upload(t)
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	set, err := uploads.Set(10, 2, test) // one of each digit
	require.NoError(t, err)
	tmp := t.TempDir()
	for _, u := range set {
		path := filepath.Join(tmp, u.Name)
		require.NoError(t, os.WriteFile(path, u.Data, 0o644))
		before := p.src("#model-input")
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.changed("#model-input", before)
		in, _, err := prepare(u.Data)
		require.NoError(t, err)
		want, err := m.Run(webapp.Strong, in, nil)
		require.NoError(t, err)
		shown := p.text("#model-input-reading")
		t.Logf("%s: %s", u.Name, shown)
		assert.Equal(t, u.Digit, want.InputReading.Digit, "%s: read natively as %s", u.Name, want.InputReading)
		assert.True(t, strings.HasPrefix(shown, fmt.Sprintf("reads %d (", u.Digit)), "%s: the page shows %q", u.Name, shown)
	}

	// A picture of a letter is read as some digit, but the page says it
	// does not look much like one (reader.Faint): the first of the
	// generated letters it says so of natively.
	said := false
	require.NoError(t, uploads.EachOther(10, 1, []string{"A", "K", "R", "W", "x", "&"}, func(u uploads.Upload) error {
		in, _, err := prepare(u.Data)
		if err != nil || said {
			return nil
		}
		want, err := m.Run(webapp.Strong, in, nil)
		require.NoError(t, err)
		if !strings.HasPrefix(want.Verdict(), "this does not look much like any digit") {
			return nil
		}
		said = true
		path := filepath.Join(tmp, "letter-"+u.Name)
		require.NoError(t, os.WriteFile(path, u.Data, 0o644))
		before := p.src("#model-input")
		p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
		p.changed("#model-input", before)
		p.checkResult(u.Case.Source, m, webapp.Strong, in, nil)
		assert.Contains(t, p.text("#reading"), "This does not look much like any digit to the reader, before or after denoising: if there is a digit in the picture and this is not it, drag a box around the digit.", u.Case.Source)
		return nil
	}))
	assert.True(t, said, "one of the letters is said to be no digit natively")

	// A digit cut by the picture's bottom edge, a quarter of its ink
	// outside: the page says part of it may be cut off, as the native
	// preparation finds.
	d := test.Image(nil, 0) // a 7
	bottom, top := 0, 28
	for i, v := range d {
		if v > 0.5 {
			top, bottom = min(top, i/28), max(bottom, i/28+1)
		}
	}
	const k = 10
	y0 := 300 - bottom*k + (bottom-top)*k/4
	cut := image.NewGray(image.Rect(0, 0, 400, 300))
	for y := range 300 {
		for x := range 400 {
			v := 0.0
			if dx, dy := (x-60)/k, (y-y0)/k; x >= 60 && y >= y0 && dx < 28 && dy < 28 {
				v = float64(d[dy*28+dx])
			}
			cut.Pix[y*cut.Stride+x] = uint8(235 - 200*v)
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, cut))
	_, info, err := prepare(b.Bytes())
	require.NoError(t, err)
	require.True(t, info.AtEdge, "natively: runs into the edge")
	path := filepath.Join(tmp, "cut-7.png")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	before := p.src("#model-input")
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.changed("#model-input", before)
	assert.Equal(t, "Your digit runs into the picture's edge: if part of it is cut off, the reading is of what is in the picture, and a photo with room round the digit reads it whole.", p.text("#at-edge"))
}

// dropAnywhere is TestApp's "a file dropped anywhere on the page is an upload".
func (a *app) dropAnywhere(t *testing.T) {
	// Not only on the drop zone, nor only on its tab: a browser opens a
	// file dropped where the page does not take it in the page's
	// place. Of three files, the picture the page reads is taken (not
	// an SVG before it, which it would refuse).
	p := a.open(t)
	data, err := os.ReadFile(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
	require.NoError(t, err)
	// Files dragged over the page: it says a drop is an upload.
	var says string
	p.run(chromedp.Evaluate(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["x"], "seven.png", {type: "image/png"}));
		document.querySelector("footer").dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return getComputedStyle(document.body, "::after").content;
	})()`, &says))
	assert.Equal(t, `"Drop the picture to upload it"`, says)
	var taken bool
	p.run(chromedp.Evaluate(`(() => {
		const bytes = Uint8Array.from(atob(`+jsString(base64.StdEncoding.EncodeToString(data))+`), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File(["a list"], "notes.txt", {type: "text/plain"}));
		dt.items.add(new File(["<svg xmlns='http://www.w3.org/2000/svg'/>"], "drawing.svg", {type: "image/svg+xml"}));
		dt.items.add(new File([bytes], "dropped.webp", {type: "image/webp"}));
		const ev = new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true});
		document.querySelector("footer").dispatchEvent(ev);
		return ev.defaultPrevented;
	})()`, &taken))
	assert.True(t, taken, "the page takes the drop, the browser does not open the file")
	var still bool
	p.run(chromedp.Evaluate(`document.body.classList.contains("drop-target")`, &still))
	assert.False(t, still, "nor says so once the file is dropped")
	p.run(chromedp.WaitVisible("#upload", chromedp.ByQuery))
	p.changed("#dae-output", "")
	assert.Equal(t, "Shown: dropped.webp (of 3 files given, the page reads one picture)", p.text("#upload-status"), "of the three files dropped, the picture is read, and the page says so")
	var picked string
	p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &picked))
	assert.Equal(t, "dropped.webp", picked, "the picker names the file dropped")

	// A picture dragged from another page is a link, not a file: said.
	p.js(`(() => {
		const dt = new DataTransfer();
		dt.setData("text/uri-list", "https://example.com/seven.png");
		document.querySelector("footer").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`)
	p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.startsWith("what was dropped: not a file")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.True(t, strings.HasSuffix(p.text("#upload-status"), "Still shown: dropped.webp (of 3 files given, the page reads one picture)"), p.text("#upload-status"))

	// A file refused before it is decoded, dropped while a picture is
	// read, does not cost that picture (it superseded it).
	cmyk, err := os.ReadFile(filepath.Join("..", "digitprep", "testdata", "seven-cmyk.jpg"))
	require.NoError(t, err)
	before := p.src("#dae-output")
	p.js(`(() => {
		const drop = f => {
			const dt = new DataTransfer();
			dt.items.add(f);
			document.querySelector("footer").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		};
		drop(new File([Uint8Array.from(atob(` + jsString(base64.StdEncoding.EncodeToString(cmyk)) + `), c => c.charCodeAt(0))], "other.jpg", {type: "image/jpeg"}));
		drop(new File(["a list"], "notes.txt", {type: "text/plain"}));
	})()`)
	p.changed("#dae-output", before)
	p.run(chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.endsWith("Still shown: other.jpg")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	assert.True(t, strings.HasPrefix(p.text("#upload-status"), "notes.txt: "), p.text("#upload-status"))

	// A file dropped on another tab brings the upload tab forward at once,
	// where the page says it reads it (here it never ends: its bytes are
	// held), rather than give no sign until it is shown.
	p.js(`(() => {
		const read = Blob.prototype.arrayBuffer;
		Blob.prototype.arrayBuffer = function () { return this.name === "slow.webp" ? new Promise(() => {}) : read.call(this) };
		document.getElementById("tab-gallery").click();
	})()`)
	p.run(chromedp.WaitVisible("#sample-0", chromedp.ByQuery))
	p.js(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([Uint8Array.from(atob(` + jsString(base64.StdEncoding.EncodeToString(data)) + `), c => c.charCodeAt(0))], "slow.webp", {type: "image/webp"}));
		document.querySelector("footer").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`)
	p.run(chromedp.Poll(`document.getElementById("upload-status")?.textContent === "Reading slow.webp and finding its digit…"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	var chosen string
	p.run(chromedp.Evaluate(`document.querySelector("[role=tab][aria-selected=true]").id`, &chosen))
	assert.Equal(t, "tab-upload", chosen)
}

// uploadNotImage is TestApp's "upload a file that is not an image".
func (a *app) uploadNotImage(t *testing.T) {
	p := a.upload(t)
	// Before any upload the code-unit part says what it needs.
	assert.Contains(t, p.text("#nudge-hint"), "Pick a sample, upload or draw a digit")
	path := filepath.Join(t.TempDir(), "notes.png")
	require.NoError(t, os.WriteFile(path, []byte("these are not pixels"), 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("notes.png")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	assert.True(t, strings.HasPrefix(p.text("#upload-status"), "notes.png: not an image that can be read"), "said beside the picker: %s", p.text("#upload-status"))
	p.b.screenshot(t, "upload-error")

	// An SVG drawing: the browser shows it, but it is not pixels.
	path = filepath.Join(t.TempDir(), "seven.svg")
	require.NoError(t, os.WriteFile(path, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280"><text x="80" y="220" font-size="240">7</text></svg>`), 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("seven.svg")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	assert.Contains(t, p.text("#upload-status"), "(this file is an SVG drawing, not pixels: export it as PNG, or take a screenshot of it)")

	// A PNG cut short: its header is read, its pixels are not.
	img := image.NewGray(image.Rect(0, 0, 300, 300))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	path = filepath.Join(t.TempDir(), "cut.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes()[:buf.Len()/2], 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("cut.png: ")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	t.Logf("a PNG cut short: %s", p.text("#upload-status"))
	assert.Contains(t, p.text("#upload-status"), "damaged or cut short")

	// Refused while another tab is shown, it is said when the upload
	// tab is back, with the picture still shown.
	seven, err := filepath.Abs(filepath.Join("..", "digitprep", "testdata", "seven.webp"))
	require.NoError(t, err)
	before := p.src("#dae-output")
	p.run(chromedp.SetUploadFiles("#upload", []string{seven}, chromedp.ByQuery))
	p.changed("#dae-output", before)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery), chromedp.Click("#tab-gallery", chromedp.ByQuery))
	p.run(chromedp.Sleep(time.Second), chromedp.Click("#tab-upload", chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("cut.png: ")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	assert.True(t, strings.HasSuffix(p.text("#upload-status"), ". Still shown: seven.webp"), p.text("#upload-status"))
	var picked string
	p.run(chromedp.Evaluate(`document.getElementById("upload").files[0]?.name`, &picked))
	assert.Equal(t, "seven.webp", picked, "the picker names the picture shown, not the file refused")
}

// noDigitStays is TestApp's "a picture with no digit found stays, to box the digit on".
func (a *app) noDigitStays(t *testing.T) {
	samples := a.samples
	// A blot with more ink than the bar beside it is taken for the
	// digit and refused as a dot; the picture stays, and a box around
	// the bar takes it.
	p := a.upload(t)
	pic := image.NewGray(image.Rect(0, 0, 200, 100))
	for y := range 100 {
		for x := range 200 {
			if math.Hypot(float64(x-50), float64(y-50)) < 13 || x >= 150 && x < 155 && y >= 20 && y < 80 {
				pic.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, pic))
	path := filepath.Join(t.TempDir(), "blot.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery), chromedp.WaitVisible("#note", chromedp.ByQuery))
	assert.Contains(t, p.text("#note"), "blot.png: no digit found: the ink taken for it is a dot or a solid block (a blot, lines of small text, a grid), not a digit's strokes; if there is one, drag a box around it on the picture")
	var class string
	p.run(chromedp.Evaluate(`document.getElementById("note").className`, &class))
	assert.Equal(t, "note", class, "what the page found, not an error")
	assert.Equal(t, "Shown: blot.png, in which no digit was found: see under the picture", p.text("#upload-status"), "said where the picture was chosen too")
	p.run(chromedp.WaitVisible("#original", chromedp.ByQuery))
	var tiles int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#model-input, #found").length`, &tiles))
	assert.Zero(t, tiles, "no input and no box: no digit was found")
	// The picture larger, to box the digit on (a tile's size left a
	// digit in a large photo a few pixels high), and square.
	var shown []float64
	p.run(chromedp.Evaluate(`(r => [r.width, r.height])(document.getElementById("original").getBoundingClientRect())`, &shown))
	assert.Equal(t, []float64{480, 480}, shown, "the picture's size with no digit found, on the tests' 1000 px screen")
	p.b.screenshot(t, "upload-no-digit")

	// A slip of the mouse, a stroke across with no height (a press that
	// moves less than 8 px is a tap, a box's first corner), is not a
	// box: the page says how to draw one, and what it found in the
	// picture still.
	p.dragBox(200, 100, 0.74, 0.4, 0.84, 0.405)
	p.run(chromedp.Poll(`document.getElementById("message")?.textContent === "That box is too small to hold a digit: drag one around the whole digit."`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	p.run(chromedp.Evaluate(`document.getElementById("message").className`, &class))
	assert.Equal(t, "error", class)
	assert.Contains(t, p.text("#note"), "blot.png: no digit found")

	// A box around nothing is refused, and stays drawn while the page
	// says so, for the person to see what they tried (it went).
	p.dragBox(200, 100, 0.4, 0.1, 0.7, 0.9)
	p.run(chromedp.Poll(`document.getElementById("message")?.textContent.startsWith("The box chosen: no digit found")`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	var tried []float64
	p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("refused").getBoundingClientRect(), p = document.getElementById("picture-frame").getBoundingClientRect(); return [(f.left - p.left) / p.width, (f.right - p.left) / p.width]; })()`, &tried))
	assert.InDelta(t, 0.4, tried[0], 0.03, "the box refused, where it was drawn")
	assert.InDelta(t, 0.7, tried[1], 0.03)

	p.dragBox(200, 100, 0.7, 0.1, 0.85, 0.9)
	p.changed("#model-input", "")
	p.run(chromedp.WaitNotPresent("#refused", chromedp.ByQuery))
	var left int
	p.run(chromedp.Evaluate(`document.querySelectorAll("#message, #note").length`, &left))
	assert.Zero(t, left, "the note is gone")
	assert.True(t, strings.HasPrefix(p.text("#model-input-reading"), "reads 1 ("), "the bar taken, a 1: %s", p.text("#model-input-reading"))
	var found []float64
	p.run(chromedp.Evaluate(`(() => { const f = document.getElementById("found").getBoundingClientRect(), p = document.getElementById("picture-frame").getBoundingClientRect(); return [(f.left+f.right)/2 - p.left, p.width]; })()`, &found))
	assert.InDelta(t, 152.5/200, found[0]/found[1], 0.02, "the box found is at the bar")
	// The tiles in their order, with and without the enlarged part.
	order := []string{"picture-frame", "model-input", "dae-output", "ae-output", "box-hint"}
	withInset := slices.Insert(slices.Clone(order), 1, "inset")
	assert.Equal(t, order, p.tiles(), "in order, after the picture alone")

	// Another picture with no digit, then one whose digit is enlarged:
	// the tiles come in their order (the plain autoencoder's came
	// second).
	again := filepath.Join(t.TempDir(), "blot-again.png")
	require.NoError(t, os.WriteFile(again, buf.Bytes(), 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{again}, chromedp.ByQuery), chromedp.WaitNotPresent("#model-input", chromedp.ByQuery), chromedp.WaitVisible("#note", chromedp.ByQuery))
	small, _, _ := smallDigitPhoto(t, samples[12].Pixels)
	p.run(chromedp.SetUploadFiles("#upload", []string{small}, chromedp.ByQuery), chromedp.WaitVisible("#inset", chromedp.ByQuery))
	assert.Equal(t, withInset, p.tiles())
	// And a digit that fills its picture between two small ones.
	p.run(chromedp.SetUploadFiles("#upload", []string{bigUpload(t, samples[3].Pixels)}, chromedp.ByQuery), chromedp.WaitNotPresent("#inset", chromedp.ByQuery))
	assert.Equal(t, order, p.tiles())
	p.run(chromedp.SetUploadFiles("#upload", []string{small}, chromedp.ByQuery), chromedp.WaitVisible("#inset", chromedp.ByQuery))
	assert.Equal(t, withInset, p.tiles())
}

// uploadOverLimit is TestApp's "upload an image over the pixel limit".
func (a *app) uploadOverLimit(t *testing.T) {
	// 45 megapixels of black: 44 KB as a PNG, refused from its size
	// before the browser draws it.
	p := a.upload(t)
	var huge bytes.Buffer
	require.NoError(t, png.Encode(&huge, image.NewGray(image.Rect(0, 0, 9000, 5000))))
	path := filepath.Join(t.TempDir(), "huge.png")
	require.NoError(t, os.WriteFile(path, huge.Bytes(), 0o644))
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#upload-status.refused")?.textContent.includes("huge.png")`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	assert.Contains(t, p.text("#upload-status"), "huge.png: the image is 9000×5000 pixels (45 megapixels); the limit is 40 megapixels: scale it down, or crop it")
}
