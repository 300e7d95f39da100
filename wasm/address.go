//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/godae/dae/webapp"
)

// followAddress shows what the page's address says after its '#'
// (webapp.Link), or says why it cannot. main calls it before the first
// view; the browser calls it again when the person edits that part of the
// address (hashchange), on a goroutine of its own.
func (a *App) followAddress() {
	l, err := webapp.ParseLink(js.Global().Get("location").Get("hash").String())
	a.linkMu.Lock()
	if err != nil {
		a.refused = webapp.LinkRefused(err)
	} else {
		a.link, a.refused = l, ""
	}
	a.linkMu.Unlock()
	if err != nil {
		a.store.BadLink(err)
		return
	}
	if st := a.store.State(); st.Link() == l && st.Message == "" {
		return // shown already: a burst of edits ends on what is shown
	}
	a.store.FollowLink(l)
}

// watchAddress follows the address whenever the person changes its part
// after the '#'. Edits that come faster than the page follows them are
// followed once, at the last.
func (a *App) watchAddress() {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		if a.following.Swap(true) {
			return nil // the goroutine under way reads the address when it runs
		}
		go func() { // the store's actions run the models: not in the event's callback
			a.following.Store(false)
			a.followAddress()
		}()
		return nil
	}))
}

// updateAddress writes what the page shows into its address, after its
// '#', when that changed: a reload then shows the same, and the address
// can be shared. It replaces the history entry rather than adding one, so
// that Back still leaves the page. An address the page could not follow
// stays while the page says why, so that the person can mend it; once
// that is no longer said, the address says what is shown.
func (a *App) updateAddress(st webapp.State) {
	l := st.Link()
	a.linkMu.Lock()
	changed := l != a.link || (a.refused != "" && st.Message != a.refused)
	a.link = l
	if st.Message != a.refused {
		a.refused = ""
	}
	a.linkMu.Unlock()
	if !changed {
		return
	}
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String() + loc.Get("search").String()
	if f := l.Fragment(); f != "" {
		url += "#" + f
	}
	js.Global().Get("history").Call("replaceState", js.Null(), "", url)
}
