//go:build js && wasm

package main

import (
	"slices"
	"syscall/js"
	"time"

	"github.com/hexops/vecty"

	"github.com/godae/dae/webapp"
)

// registerServiceWorker asks the browser to keep the app for use with no
// network (sw.js). It runs once the first view is shown and the strong
// model loaded, so that the worker's downloads do not compete with theirs.
// Where there are no service workers (plain http on a host other than
// localhost, private modes) the app works as before, online only.
func registerServiceWorker() {
	sw := js.Global().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	reg, err := await(sw.Call("register", "sw.js"))
	if err != nil {
		js.Global().Get("console").Call("error", "the app cannot be kept for offline use: "+err.Error())
		return
	}
	// An install that fails (for one, a file whose hash is not its
	// version's: sw.js) leaves register's promise resolved: the console
	// says why there is no copy for use offline, or no new one, of the
	// install under way now or of one found later (the browser looks for a
	// new version at each visit).
	watchInstall(reg.Get("installing"))
	reg.Call("addEventListener", "updatefound", js.FuncOf(func(js.Value, []js.Value) any {
		watchInstall(reg.Get("installing"))
		return nil
	}))
}

// watched is the installing service workers watchInstall watches.
var watched []js.Value

// watchInstall has the console say if the installing service worker w
// (none: nothing) fails its install.
func watchInstall(w js.Value) {
	if !w.Truthy() || slices.ContainsFunc(watched, w.Equal) {
		return
	}
	watched = append(watched, w)
	installed := false // a worker replaced later by a new version's is redundant too
	w.Call("addEventListener", "statechange", js.FuncOf(func(js.Value, []js.Value) any {
		switch w.Get("state").String() {
		case "installed", "activating", "activated":
			installed = true
		case "redundant":
			if !installed {
				js.Global().Get("console").Call("warn", "godae: this version of the app was not kept for use offline: one of its files could not be fetched, or is not of its version")
			}
		}
		return nil
	}))
}

// watchNewVersion has the page say that a new version of the app is ready
// (newVersion), with a button that takes it (takeNewVersion): when a new
// version's service worker has installed and waits (sw.js), the page
// keeping its own version until then; or when a Reload in another page of
// the app made the new version take this one over too (the page, still
// the old version, then takes the files it loads later from the new one).
// It watches from the page's start, so that a version waiting already
// (the page reloaded, which the old version serves) is said at once.
//
// A page no worker served came from the network, as new as the site: on a
// first visit, or after Shift+Reload. The workers installing or waiting
// as it starts are of its version or older, and so is the one that then
// takes it over (the first visit's first worker; after Shift+Reload, the
// version that waited, let in as no page holds the old one any more): of
// those, nothing is said.
//
// The browser looks for a new version at each visit; for a page left open,
// the page asks too when the network comes back, and when it is shown
// again after checkEvery or more.
func (a *App) watchNewVersion() {
	sw := js.Global().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	controlled := sw.Get("controller").Truthy()
	if controlled {
		sw.Call("addEventListener", "controllerchange", js.FuncOf(func(js.Value, []js.Value) any {
			a.sayNewVersion() // the page's version was the worker's that served it
			return nil
		}))
	}
	go func() {
		var known []js.Value // for a page from the network: its version's workers, or older ones
		if !controlled {
			if reg, err := await(sw.Call("getRegistration")); err == nil && reg.Truthy() {
				for _, k := range []string{"installing", "waiting"} {
					if w := reg.Get(k); w.Truthy() {
						known = append(known, w)
					}
				}
			}
		}
		reg, err := await(sw.Get("ready")) // a worker active: not before the first visit's is
		if err != nil {
			return
		}
		a.registration = reg
		newer := func(w js.Value) bool { return w.Truthy() && !slices.ContainsFunc(known, w.Equal) }
		if newer(waiting(reg)) {
			a.sayNewVersion()
		}
		waits := func(w js.Value) { // w, installing, is a new version once it waits
			if !newer(w) {
				return
			}
			w.Call("addEventListener", "statechange", js.FuncOf(func(js.Value, []js.Value) any {
				if w.Get("state").String() == "installed" && reg.Get("active").Truthy() {
					a.sayNewVersion()
					if a.takingOver { // it replaced the version the Reload asked
						a.askToTakeOver(w)
					}
				}
				return nil
			}))
		}
		waits(reg.Get("installing"))
		reg.Call("addEventListener", "updatefound", js.FuncOf(func(js.Value, []js.Value) any {
			waits(reg.Get("installing"))
			return nil
		}))
		a.checkForNewVersion(reg)
	}()
}

// checkForNewVersion has the browser look for a new version of the app
// (registration reg's update) while the page is open: when the network
// comes back, and when the page is shown again checkEvery or more after
// the last look.
func (a *App) checkForNewVersion(reg js.Value) {
	ignore := js.FuncOf(func(js.Value, []js.Value) any { return nil }) // offline, or the server down: the next look
	// The wall clock's time: the monotonic clock may not count a laptop's
	// sleep.
	last := time.Now().Round(0)
	check := func() {
		last = time.Now().Round(0)
		reg.Call("update").Call("catch", ignore)
	}
	js.Global().Call("addEventListener", "online", js.FuncOf(func(js.Value, []js.Value) any {
		check()
		return nil
	}))
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "visible" && time.Since(last) >= checkEvery {
			check()
		}
		return nil
	}))
}

// checkEvery is how long a page left open waits, at least, before it looks
// for a new version again when it is shown: a tab brought back after a
// while, not each switch between tabs.
const checkEvery = 10 * time.Minute

// sayNewVersion has the page say that a new version is ready.
func (a *App) sayNewVersion() {
	if a.newVersion {
		return
	}
	a.newVersion = true
	a.redraw()
}

// redraw draws the page again for what the new version's words and button
// say, once it is shown (else its first render draws them).
func (a *App) redraw() {
	if a.shown {
		vecty.Rerender(a)
	}
}

// takeNewVersion is the new version's Reload: it asks the version that
// waits to take over (askToTakeOver), or reloads at once if none waits
// (another page's Reload took it). Should none take over within
// tookTooLong, the page reloads all the same, as the old version.
func (a *App) takeNewVersion() {
	w := waiting(a.registration)
	if !w.Truthy() {
		reload()
		return
	}
	if a.takingOver {
		return
	}
	a.takingOver = true
	a.redraw()
	go func() {
		time.Sleep(tookTooLong)
		reload()
	}()
	a.askToTakeOver(w)
}

// askToTakeOver asks the waiting service worker w to take over (sw.js),
// and reloads the page once it has. A newer version that replaces w as it
// waits (w redundant) is asked in turn: at once if it waits already, else
// once it has installed (watchNewVersion); with none, the page reloads.
func (a *App) askToTakeOver(w js.Value) {
	w.Call("addEventListener", "statechange", js.FuncOf(func(js.Value, []js.Value) any {
		switch w.Get("state").String() {
		case "activated":
			reload()
		case "redundant":
			if next := waiting(a.registration); next.Truthy() {
				a.askToTakeOver(next)
			} else if !a.registration.Get("installing").Truthy() {
				reload()
			}
		}
		return nil
	}))
	w.Call("postMessage", "take over")
}

// waiting is registration reg's version that waits, if any (none: not a
// value). As one replaces another, Chromium names the one replaced as
// waiting for a moment after it is redundant.
func waiting(reg js.Value) js.Value {
	if !reg.Truthy() {
		return js.Undefined()
	}
	if w := reg.Get("waiting"); w.Truthy() && w.Get("state").String() == "installed" {
		return w
	}
	return js.Undefined()
}

// tookTooLong is how long the Reload of a new version waits for it to take
// over: it fetches nothing (its files were kept as it installed), and
// drops the old version's.
const tookTooLong = 10 * time.Second

// newVersionSaid is what the page says when a new version is ready: a
// reload drops weights of the person's own, which are not kept.
func newVersionSaid(st webapp.State) string {
	if st.Weights != webapp.BundledWeights {
		return "A new version of this page is ready: reload to use it (your own weights are not kept: load their file again after reloading)."
	}
	return "A new version of this page is ready: reload to use it."
}
