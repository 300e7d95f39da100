//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/godae/dae/digitprep"
	"github.com/godae/dae/webapp"
)

// The upload shown is kept in the tab's sessionStorage, as the drawing is
// (keepdrawing.go), so that a reload shows it again: a phone's browser
// reloads a tab it put aside while the person took a photo. It stays in
// that tab of the browser, on the person's machine, and goes when the tab
// is closed.
const (
	uploadKey        = "godae-upload"         // the file, as a data URL
	uploadAboutKey   = "godae-upload-about"   // webapp.Kept, as JSON
	uploadReadingKey = "godae-upload-reading" // the name of a file being read (markReading)
)

// markReading keeps the name of the file the page is reading, until it is
// read and kept (uploadFile): a reload meanwhile, such as a phone's
// browser makes of a tab it put aside, brings back the upload kept before
// it, and the page then says that this one was not read (restoreUpload),
// rather than show the one before as if it were the one chosen.
func markReading(name string) { _, _ = storage("setItem", uploadReadingKey, name) }

// unmarkReading drops the name markReading kept.
func unmarkReading() { _, _ = storage("removeItem", uploadReadingKey) }

// interrupted is the name of the file that was being read when the page
// was reloaded, or "". It stays marked until restoreUpload has said so: a
// reload before then says it again.
func interrupted() string {
	v, err := storage("getItem", uploadReadingKey)
	if err != nil || v.Type() != js.TypeString {
		return ""
	}
	// A string is not an object (its length cannot be asked first): its
	// size is bounded by what the browser keeps for the tab.
	return webapp.KeptName(v.String())
}

// errInterrupted is what the page says of a file it was reading when the
// page was reloaded. The file is not read again by itself: one that froze
// the page would freeze it at every reload.
var errInterrupted = errors.New("it was still being opened when the page was reloaded, and is not shown: choose it again (or a smaller picture, if the page froze on it)")

// restoring is the file read back from what was kept: keepUpload need
// not keep it again.
var restoring js.Value

// keeping counts the uploads keepUpload was called for: one that a later
// upload replaced while its file was read does not store it.
var keeping int

// While keepUpload reads an upload's file (readingKept), a box chosen on
// its picture waits for it (keepPart): keptPart, or nil for the whole
// picture, if keptPartSet.
var (
	readingKept bool
	keptPart    *[4]float64
	keptPartSet bool
)

// keepUpload keeps file, the upload just taken, for a reload. It reads
// the file first, and only then, with no wait between (so that a reload
// comes before or after, never between), drops the upload kept before and
// writes this one's: a reload while the file is read brings back the one
// before (uploadFile marks this one as not read meanwhile). A box chosen
// on it while its file is read is kept with it (keepPart). A file over
// webapp.MaxKeptUpload, or one the browser has no room for, is not kept:
// the page says so after a reload (keptNote), and the console why.
func keepUpload(file js.Value) {
	if restoring.Truthy() && file.Equal(restoring) {
		return
	}
	keeping++
	mine := keeping
	readingKept, keptPart, keptPartSet = false, nil, false // an earlier upload's reading stops here
	about := webapp.Kept{Name: file.Get("name").String(), Type: file.Get("type").String(), Size: file.Get("size").Int()}
	var url string
	var err error
	if about.Why() == "" {
		var data []byte
		readingKept = true
		data, err = fileBytes(file, webapp.MaxKeptUpload)
		if mine != keeping {
			return // another upload took its place meanwhile
		}
		readingKept = false
		if err == nil {
			url = webapp.DataURL(about.Type, data)
		}
	}
	if keptPartSet {
		about.Part = keptPart
	}
	keptPartSet = false
	forgetUpload()
	if !writeAbout(about) {
		return // the browser keeps nothing for the page
	}
	if about.Why() != "" {
		return // said after a reload
	}
	if err == nil {
		if _, err = storage("setItem", uploadKey, url); err == nil {
			return
		}
	}
	about.Lost = true
	js.Global().Get("console").Call("warn", "godae: the upload is not kept for a reload: "+err.Error())
	writeAbout(about)
}

// keepPart keeps the box chosen on the kept upload's picture (shares of
// it); none (nil) is the whole picture. While keepUpload reads the file,
// the box waits for it.
func keepPart(part *[4]float64) {
	if readingKept {
		keptPart, keptPartSet = part, true
		return
	}
	about, ok := readAbout(true)
	if !ok {
		return
	}
	about.Part = part
	writeAbout(about)
}

// writeAbout keeps about, and says whether the browser took it.
func writeAbout(about webapp.Kept) bool {
	if _, err := storage("setItem", uploadAboutKey, about.JSON()); err != nil {
		js.Global().Get("console").Call("warn", "godae: the upload is not kept for a reload: "+err.Error())
		return false
	}
	return true
}

// readAbout reads back what is kept of the upload beside its file; false
// when there is nothing, or what is there was not written by the page
// (then, if drop, it is dropped and the console says why).
func readAbout(drop bool) (webapp.Kept, bool) {
	v, err := storage("getItem", uploadAboutKey)
	if err != nil || v.Type() != js.TypeString {
		return webapp.Kept{}, false
	}
	// A string is not an object: its length is read in Go (ReadKept).
	about, err := webapp.ReadKept(v.String())
	if err != nil {
		if drop {
			js.Global().Get("console").Call("warn", "godae: "+err.Error())
			forgetUpload()
		}
		return webapp.Kept{}, false
	}
	return about, true
}

// forgetUpload drops what is kept of the upload.
func forgetUpload() {
	_, _ = storage("removeItem", uploadKey)
	_, _ = storage("removeItem", uploadAboutKey)
}

// keptNote is what the empty upload tab says, after a reload, of the
// upload shown before it when it was not kept; "" when nothing is to be
// said (nothing was uploaded in the tab, or the upload is being read
// back). Where the browser keeps nothing for the page, the page cannot
// know whether there was an upload: a reload on the upload tab says that
// one is not kept.
func keptNote() string {
	if _, err := storage("getItem", uploadAboutKey); err != nil {
		if reloaded() {
			return notKeptOnReload
		}
		return ""
	}
	if about, ok := readAbout(false); ok && about.Why() != "" {
		return fmt.Sprintf("The picture shown before the page was reloaded, %s, was not kept (%s): choose it again.", about.Name, about.Why())
	}
	return ""
}

// notKeptOnReload is what the upload tab says, empty, after a reload in a
// browser that keeps nothing for the page.
const notKeptOnReload = "A picture chosen before the page was reloaded is not kept in this browser: choose it again."

// restoreUpload reads back the upload kept before a reload, if there is
// one and nothing was uploaded since the page opened, with the box chosen
// on it; it runs on a goroutine of its own, after the first view. Once it
// is done, the body's data-kept-upload says what came of it: "none"
// (nothing kept, or not the file), "dropped" (what was kept is not the
// page's), "given" (an upload given since the page opened is the one),
// "refused" (the file read back was not taken) or "restored".
//
// A file that was being read when the page was reloaded (unread, from
// interrupted) is then said not to be shown (Store.Unread), and its mark
// dropped; unless an upload was given since the page opened, which is the
// person's latest, and marks its own.
func restoreUpload(s *webapp.Store, unread string) {
	came := restoreKeptUpload(s)
	if unread != "" && s.Unread(unread, errInterrupted) {
		unmarkReading()
	}
	js.Global().Get("document").Get("body").Call("setAttribute", "data-kept-upload", came)
}

// restoreKeptUpload is restoreUpload's work.
func restoreKeptUpload(s *webapp.Store) string {
	raw, err := storage("getItem", uploadAboutKey)
	if err != nil {
		return "none"
	}
	about, ok := readAbout(true) // what is not the page's is dropped, with the file
	kept, _ := storage("getItem", uploadKey)
	switch {
	case !ok && raw.Type() == js.TypeString:
		return "dropped"
	case !ok && kept.Type() == js.TypeString: // a file, and nothing beside it
		forgetUpload()
		return "dropped"
	case !ok:
		return "none"
	case about.Why() != "":
		return "none" // said by keptNote
	case kept.Type() != js.TypeString: // the page's words, and no file beside them
		forgetUpload()
		return "dropped"
	}
	data, typ, err := webapp.FromDataURL(kept.String())
	if err != nil {
		js.Global().Get("console").Call("warn", "godae: "+err.Error())
		forgetUpload()
		return "dropped"
	}
	t, ok := s.StartKeptUpload(about.Name)
	if !ok {
		return "given"
	}
	u8 := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(u8, data)
	file := js.Global().Get("File").New([]any{u8}, about.Name, map[string]any{"type": typ})
	restoring = file
	setPicked(file)
	uploadFile(s, file, about.Name, t)
	st := s.State()
	u := st.Upload
	if u == nil && st.Reading != "" {
		return "given" // another upload is read in its place
	}
	if u == nil {
		forgetUpload() // refused: not again at every reload
		return "refused"
	}
	src, ok := sources.get(u.URL)
	if !ok || !src.file.Equal(file) {
		return "given" // a later upload took its place
	}
	// A box the page would not have taken (edited by hand) is left out,
	// rather than said too small of a box the person did not draw.
	if p := about.Part; p != nil && (p[2]-p[0])*float64(src.w) >= digitprep.MinSide && (p[3]-p[1])*float64(src.h) >= digitprep.MinSide {
		if s.RestorePartIn(u.URL, src.w, src.h, p[0], p[1], p[2], p[3]) {
			go zoomIn(s)
		}
	}
	return "restored"
}
