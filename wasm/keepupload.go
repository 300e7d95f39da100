//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// The upload shown is kept in the tab's sessionStorage, as the drawing is
// (keepdrawing.go), so that a reload shows it again: a phone's browser
// reloads a tab it put aside while the person took a photo. It stays in
// that tab of the browser, on the person's machine, and goes when the tab
// is closed.
const (
	uploadKey      = "godae-upload"       // the file, as a data URL
	uploadAboutKey = "godae-upload-about" // webapp.Kept, as JSON
)

// restoring is the file read back from what was kept: keepUpload need
// not keep it again.
var restoring js.Value

// keeping counts the uploads keepUpload was called for: one that a later
// upload replaced while its file was read does not store it.
var keeping int

// keepUpload keeps file, the upload just taken, for a reload. What is
// kept of it beside the file is written first, so that a box chosen on it
// while its file is read is kept with it (keepPart), and the last upload's
// box is never put on this one. A file over webapp.MaxKeptUpload, or one
// the browser has no room for, is not kept: the page says so after a
// reload (keptNote), and the console why.
func keepUpload(file js.Value) {
	if restoring.Truthy() && file.Equal(restoring) {
		return
	}
	keeping++
	mine := keeping
	forgetUpload()
	about := webapp.Kept{Name: file.Get("name").String(), Type: file.Get("type").String()}
	if !writeAbout(about) {
		return // the browser keeps nothing for the page
	}
	about.Why = webapp.NotKeptWhy(file.Get("size").Int())
	if about.Why == "" {
		data, err := fileBytes(file, webapp.MaxKeptUpload)
		if mine != keeping {
			return // another upload took its place meanwhile
		}
		switch {
		case err != nil:
			about.Why = err.Error()
		default:
			if _, err := storage("setItem", uploadKey, webapp.DataURL(about.Type, data)); err != nil {
				about.Why = "the browser keeps no more for the page"
				js.Global().Get("console").Call("warn", "godae: the upload is not kept for a reload: "+err.Error())
			}
		}
	}
	if about.Why == "" {
		return
	}
	if now, ok := readAbout(true); ok { // with the box chosen meanwhile
		about.Part = now.Part
	}
	_, _ = storage("removeItem", uploadKey)
	writeAbout(about)
}

// keepPart keeps the box chosen on the kept upload's picture (shares of
// it); none (nil) is the whole picture.
func keepPart(part *[4]float64) {
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
// (then the console says why, and if drop, it is dropped).
func readAbout(drop bool) (webapp.Kept, bool) {
	v, err := storage("getItem", uploadAboutKey)
	if err != nil || v.Type() != js.TypeString {
		return webapp.Kept{}, false
	}
	// A string is not an object: its length is read in Go (ReadKept).
	about, err := webapp.ReadKept(v.String())
	if err != nil {
		js.Global().Get("console").Call("warn", "godae: "+err.Error())
		if drop {
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
	if about, ok := readAbout(false); ok && about.Why != "" {
		return fmt.Sprintf("The picture shown before the page was reloaded, %s, was not kept (%s): choose it again.", about.Name, about.Why)
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
func restoreUpload(s *webapp.Store) {
	js.Global().Get("document").Get("body").Call("setAttribute", "data-kept-upload", restoreKeptUpload(s))
}

// restoreKeptUpload is restoreUpload's work.
func restoreKeptUpload(s *webapp.Store) string {
	if _, err := storage("getItem", uploadAboutKey); err != nil {
		return "none"
	}
	about, ok := readAbout(false)
	if !ok {
		if v, _ := storage("getItem", uploadAboutKey); v.Type() == js.TypeString {
			forgetUpload()
			return "dropped" // something, but not what the page writes
		}
		return "none"
	}
	if about.Why != "" {
		return "none"
	}
	kept, err := storage("getItem", uploadKey)
	if err != nil || kept.Type() != js.TypeString {
		return "none"
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
	u := s.State().Upload
	if u == nil {
		return "refused"
	}
	src, ok := sources.get(u.URL)
	if !ok || !src.file.Equal(file) {
		return "given" // a later upload took its place
	}
	if p := about.Part; p != nil {
		choosePart(s, u.URL, p[0], p[1], p[2], p[3])
	}
	return "restored"
}
